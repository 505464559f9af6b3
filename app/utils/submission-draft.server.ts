// Saving the delegation's draft from the editor's fields: shared by the autosave resource route
// (JSON answers, per the contract in app/lib/autosave-store.ts) and the editor's own form.
import { SAVE_INTENT, type DraftFields } from "~/lib/autosave-store";
import { contentToFields, fieldsToContent, issuesByField, type FieldIssue } from "~/lib/submission-fields";
import { saveDraft } from "~/models/submission-draft.server";
import type { SessionUser } from "~/models/user.server";

export type DraftSaveAnswer =
  | { status: 200; body: { ok: true; draftVersion: number; savedAt: string; changed: boolean } }
  | { status: 400; body: { ok: false; reason: "invalid"; errors: Record<string, FieldIssue[]> } }
  | { status: 403; body: { ok: false; reason: "other_user" } }
  | { status: 404; body: { ok: false; reason: "not_found" } }
  | {
      status: 409;
      body: {
        ok: false;
        reason: "conflict";
        draftVersion: number;
        /** The colleague's draft as editor fields, to show beside what this delegate typed. */
        fields: DraftFields;
        updatedBy: string | null;
        updatedAt: string | null;
      };
    }
  | { status: 423; body: { ok: false; reason: "deadline_passed" | "locked" } };

/** The editor's text fields of a form (protocol fields and files left out). */
export function editorFields(form: FormData): [string, string][] {
  const entries: [string, string][] = [];
  for (const [name, value] of form) {
    if (typeof value === "string" && name !== "intent" && name !== "draftVersion" && name !== "userId") entries.push([name, value]);
  }
  return entries;
}

/**
 * Saves the draft from a posted form. `checkUserId`: the autosave request names the user its page
 * was loaded for, and a different session user (someone else signed in on this computer) gets
 * 403 with nothing written, so one person's text never lands in another's draft.
 */
export async function saveDraftFromForm(user: SessionUser, consultationId: string, form: FormData, checkUserId: boolean): Promise<DraftSaveAnswer> {
  if (checkUserId && form.get("userId") !== user.id) return { status: 403, body: { ok: false, reason: "other_user" } };
  const intent = form.get("intent");
  const versionText = form.get("draftVersion");
  const baseDraftVersion = typeof versionText === "string" && /^\d{1,9}$/.test(versionText) ? Number(versionText) : NaN;
  if ((intent !== null && intent !== SAVE_INTENT && checkUserId) || Number.isNaN(baseDraftVersion)) {
    return { status: 400, body: { ok: false, reason: "invalid", errors: { "": [{ message: "submissions:errors.invalid" }] } } };
  }
  const { input, sources } = fieldsToContent(editorFields(form));
  const result = await saveDraft(user, { consultationId, baseDraftVersion, content: input });
  if (result.ok) return { status: 200, body: { ok: true, draftVersion: result.draftVersion, savedAt: result.savedAt.toISOString(), changed: result.changed } };
  switch (result.reason) {
    case "not_found":
      return { status: 404, body: { ok: false, reason: "not_found" } };
    case "not_open":
      return { status: 423, body: { ok: false, reason: "locked" } };
    case "deadline_passed":
      return { status: 423, body: { ok: false, reason: "deadline_passed" } };
    case "invalid":
      return { status: 400, body: { ok: false, reason: "invalid", errors: issuesByField(result.issues, sources) } };
    case "conflict":
      return {
        status: 409,
        body: {
          ok: false,
          reason: "conflict",
          draftVersion: result.current.draftVersion,
          fields: contentToFields(result.current.content),
          updatedBy: result.current.updatedBy?.name ?? null,
          updatedAt: result.current.updatedAt?.toISOString() ?? null,
        },
      };
  }
}
