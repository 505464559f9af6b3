// A forged intent or hidden field (a value no one can type, only forge or keep from an old page)
// is refused with "the form could not be read" in a key, never Zod's English, and the reply
// carries it with the form's own errors: the pages show those (form.errors, error[""]), not the
// errors of a hidden field or of "intent". Found by the bad-input corpus (issue 17).
import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import type { ZodTypeAny } from "zod";
import { AccountStatusSchema } from "~/lib/account-forms";
import { AgendaEditorSchema } from "~/lib/agenda-forms";
import { CirculationActionSchema } from "~/lib/circulation-forms";
import { CrpActionSchema } from "~/lib/crp-forms";
import { FORM_UNREADABLE, replyUnparsed } from "~/lib/form-unreadable";
import { TranslationSchema } from "~/lib/translation-forms";

const ID = "00000000-0000-4000-8000-000000000000";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

const forged: [string, ZodTypeAny, Record<string, string>, string][] = [
  ["an account's unknown intent", AccountStatusSchema, { intent: "promote", userId: ID }, FORM_UNREADABLE],
  ["an account id that is no id", AccountStatusSchema, { intent: "enable", userId: "1 OR 1=1" }, FORM_UNREADABLE],
  ["circulation's unknown intent", CirculationActionSchema, { intent: "publish-everywhere", coveringNote: "Note." }, FORM_UNREADABLE],
  ["circulation without an intent", CirculationActionSchema, { coveringNote: "Note." }, FORM_UNREADABLE],
  ["the CRP's unknown intent", CrpActionSchema, { intent: "publish", expectedLatestVersion: "0" }, "crp:errors.invalid"],
  ["an agenda move sideways", AgendaEditorSchema, { intent: "item.move", agendaItemId: ID, direction: "sideways" }, FORM_UNREADABLE],
  ["a revision based on version -1", AgendaEditorSchema, { intent: "point.revise", pointId: ID, text: "x", basedOnVersion: "-1" }, FORM_UNREADABLE],
  ["a revision based on no version", AgendaEditorSchema, { intent: "point.revise", pointId: ID, text: "x" }, FORM_UNREADABLE],
  ["a translation machine-assisted 'yes'", TranslationSchema, { intent: "draft", expectedVersion: "0", machineAssisted: "yes" }, "translations:errors.invalid"],
];

describe("a forged form", () => {
  for (const [what, schema, fields, key] of forged) {
    it(`${what}: ${key}, with the form's own errors`, () => {
      const submission = parseWithZod(form(fields), { schema });
      expect(submission.status).toBe("error");
      const messages = Object.values(submission.reply().error ?? {}).flat();
      expect(messages).toContain(key);
      for (const message of messages) expect(message).toMatch(/^[a-z]+:[A-Za-z.]+$/);
      expect(replyUnparsed(submission, key).error?.[""]).toEqual([key]);
    });
  }

  it("a mistake the reader can see and correct stays with its field", () => {
    const submission = parseWithZod(form({ intent: "save", coveringNote: " " }), { schema: CirculationActionSchema });
    expect(replyUnparsed(submission).error).toEqual({ coveringNote: ["circulation:errors.noteRequired"] });
  });
});
