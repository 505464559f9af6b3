// The group form of the groups pages, on the server: parse it with its schema, read the pasted
// members (nothing is saved while a name is unsure), then create or change the group. Shared by
// /groups (a standing group), /groups/:groupId and /consultations/:id/groups (a consultation's own).
import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import type { ZodTypeAny } from "zod";
import { GROUP_REFUSALS, namesOf, type GroupFormValue, type GroupKind, type GroupsActionData } from "~/lib/groups";
import { createGroup, matchPastedMembers, updateGroup } from "~/models/group.server";
import type { SessionUser } from "~/models/user.server";

export type GroupFormTarget = { create: { consultationId: string | null; kind?: GroupKind } } | { save: { groupId: string } };

const answer = (payload: GroupsActionData, status = 200) => data(payload, { status });

export async function handleGroupForm(user: SessionUser, formData: FormData, schema: ZodTypeAny, target: GroupFormTarget, ipAddress: string) {
  const intent = "create" in target ? "create" : "save";
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return answer({ intent, result: submission.reply() }, 400);
  const value = submission.value as GroupFormValue & { kind?: GroupKind };
  const pasted = value.add.trim() ? await matchPastedMembers(value.add) : { ids: [], problems: [] };
  if (pasted.problems.length) return answer({ intent, result: submission.reply(), problems: pasted.problems }, 400);
  const input = { ...namesOf(value), membershipAsOf: value.membershipAsOf, memberIds: [...value.memberId, ...pasted.ids], ipAddress };
  const result =
    "create" in target
      ? await createGroup(user, { ...input, consultationId: target.create.consultationId, kind: target.create.kind ?? value.kind ?? "ad_hoc" })
      : await updateGroup(user, { ...input, groupId: target.save.groupId });
  if (result.ok)
    return answer({ intent, result: submission.reply({ resetForm: true }), notice: { kind: "create" in target ? "created" : "saved", code: result.code } });
  if (result.reason === "not_found") throw data({ reason: "not_found" }, { status: 404 });
  const refusal = GROUP_REFUSALS[result.reason]!;
  return answer({ intent, result: submission.reply({ formErrors: [refusal.message] }) }, refusal.status);
}
