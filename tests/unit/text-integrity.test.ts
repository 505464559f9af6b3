// U+0000 and U+FFFD are refused in every kind of saved text, with a message that says where.
import { describe, expect, it } from "vitest";
import { AgendaEditorSchema } from "~/lib/agenda-forms";
import { ConsultationSchema, MeetingSchema } from "~/lib/consultation-forms";
import { textProblems } from "~/lib/submission-rules";
import { hasLostCharacter, lostCharacter } from "~/lib/text-integrity";

describe("damaged characters", () => {
  it("finds U+0000 and U+FFFD and counts the position in characters (an astral character is one)", () => {
    expect(lostCharacter("Текст\uFFFD")).toEqual({ position: 6, code: "U+FFFD" });
    expect(lostCharacter("𠀀中\u0000文")).toEqual({ position: 3, code: "U+0000" });
    expect(lostCharacter("نص سليم تماما، 中文, Русский, ñ")).toBeNull();
    expect(hasLostCharacter("a\uFFFDb")).toBe(true);
  });

  it("comments, translations, reviews and decisions: refused with the place", () => {
    expect(textProblems("原文\uFFFD")).toEqual([{ message: "submissions:errors.lostCharacter", values: { position: 3, code: "U+FFFD" } }]);
    // NUL is named once, as damage, not a second time as a control character.
    expect(textProblems("a\u0000")).toEqual([{ message: "submissions:errors.lostCharacter", values: { position: 2, code: "U+0000" } }]);
  });

  it("meeting and consultation forms", () => {
    const meeting = MeetingSchema.safeParse({
      body: "Working Group\uFFFD",
      symbolPrefix: "CTOC/COP/WG.2",
      session: "Tenth",
      venue: "Vienna",
      startDate: "2020-07-09",
      endDate: "2020-07-10",
      format: "hybrid",
      timeZone: "Europe/Vienna",
    });
    expect(meeting.success).toBe(false);
    expect(meeting.error?.issues.map((i) => i.message)).toContain("consultations:errors.lostCharacter");
    const consultation = ConsultationSchema.safeParse({ meetingId: "00000000-0000-4000-8000-000000000000", title: "Points\u0000", receiptPrefix: "CTOC-2020" });
    expect(consultation.error?.issues.map((i) => i.message)).toContain("consultations:errors.lostCharacter");
  });

  it("the agenda editor", () => {
    const parsed = AgendaEditorSchema.safeParse({ intent: "item.create", title: "Assistance technique\uFFFD" });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain("agenda:errors.lostCharacter");
  });
});
