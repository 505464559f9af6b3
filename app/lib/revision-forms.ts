// The forms of the Chair's revised text (Rev.1, issue 18): one Zod schema, checked on the server
// (the rule) and usable by Conform in the browser. Wording and labels follow the agenda editor's
// rules; ids and intents that do not parse are a forged or stale form.
import { z } from "zod";
import { basedOnVersion, label, pointText } from "~/lib/agenda-forms";
import { unreadable } from "~/lib/form-unreadable";

const id = z.string().uuid(unreadable().errorMap().message);
const flag = z.enum(["true", "false"], unreadable()).transform((value) => value === "true");

export const RevisionSchema = z.discriminatedUnion(
  "intent",
  [
    // On a closed first round: prepare its revised text as the next round.
    z.object({ intent: z.literal("start") }),
    z.object({ intent: z.literal("wording"), pointId: id, text: pointText, basedOnVersion }),
    z.object({ intent: z.literal("apply"), pointId: id, commentId: id, basedOnVersion }),
    z.object({ intent: z.literal("answer"), pointId: id, commentId: id, answers: flag }),
    z.object({ intent: z.literal("merge"), pointId: id, otherPointId: id }),
    z.object({ intent: z.literal("split"), pointId: id }),
    z.object({ intent: z.literal("relabel"), pointId: id, label }),
    z.object({ intent: z.literal("delete"), pointId: id }),
  ],
  unreadable(),
);

export type RevisionIntent = z.infer<typeof RevisionSchema>["intent"];
export const REVISION_INTENTS = RevisionSchema.options.map((o) => o.shape.intent.value);
