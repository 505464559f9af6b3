import { describe, expect, it } from "vitest";
import { checkArchive } from "~/lib/archive-schema";
import { ConsultationSchema, MeetingSchema } from "~/lib/consultation-forms";
import { AcceptInvitationSchema } from "~/lib/invitation-form";
import { cleanName, cleanNameLines, nameProblem } from "~/lib/name-rules";
import { InviteSchema, RegisterSchema, ReviewSchema } from "~/lib/registration-forms";

const RLO = "\u202E";
const ZWSP = "\u200B";
const BOM = "\uFEFF";
const ZWNJ = "\u200C";
const ZWJ = "\u200D";
const UUID = "0b7c5a4e-8d4f-4c1e-9a51-2f3a6c0d9e11";

describe("cleanName", () => {
  it("removes the invisible characters that disguise a name", () => {
    expect(cleanName(`${BOM}Pe${ZWSP}ru`)).toBe("Peru");
    expect(cleanName("Ana\u2060 Tor\u00ADres\u180E")).toBe("Ana Torres");
    expect(cleanName("\u3164")).toBe("");
    // Tag characters hide text ("ASCII smuggling").
    expect(cleanName("Chile\u{E0041}\u{E0042}")).toBe("Chile");
  });

  it("keeps ZWNJ and ZWJ inside a script that needs them, and nowhere else", () => {
    expect(cleanName(`عبد${ZWNJ}الله`)).toBe(`عبد${ZWNJ}الله`);
    expect(cleanName(`می${ZWNJ}خواهم`)).toBe(`می${ZWNJ}خواهم`); // Persian
    expect(cleanName(`क्${ZWJ}ष`)).toBe(`क्${ZWJ}ष`); // Devanagari
    expect(cleanName(`Ana${ZWNJ}Torres${ZWJ}`)).toBe("AnaTorres");
    expect(cleanName(`${ZWNJ}عبد`)).toBe("عبد");
  });

  it("puts a name on one line and trims it; leaves direction marks and visible text alone", () => {
    expect(cleanName("  Working Group\non\tTechnical Assistance \r\n")).toBe("Working Group on Technical Assistance");
    expect(cleanName("المغرب\u200F (CTOC/COP)")).toBe("المغرب\u200F (CTOC/COP)");
    expect(cleanName("中华人民共和国")).toBe("中华人民共和国");
  });

  it("cleans pasted names line by line", () => {
    expect(cleanNameLines(`Pe${ZWSP}ru\r\n${BOM}Chile\nMorocco`)).toBe("Peru\nChile\nMorocco");
  });
});

describe("nameProblem", () => {
  it("refuses bidi controls, control characters and damaged text, as for comments", () => {
    expect(nameProblem(`${RLO}urep`)).toBe("bidiControl");
    expect(nameProblem("Peru\u2066")).toBe("bidiControl");
    expect(nameProblem("Pe\u0007ru")).toBe("controlCharacter");
    expect(nameProblem("Pe\uFFFDru")).toBe("lostCharacter");
    expect(nameProblem(`عبد${ZWNJ}الله\u200F`)).toBeNull();
  });
});

// Each form that takes a name: U+202E refused with the shared message, U+200B and U+FEFF removed,
// a name of nothing but invisible characters missing, ZWNJ inside an Arabic name kept.
const forms = [
  {
    form: "acceptance",
    parse: (name: string) =>
      AcceptInvitationSchema.safeParse({
        name,
        password: "a long enough passphrase",
        confirmPassword: "a long enough passphrase",
        language: "ar",
        timeZone: "UTC",
      }),
    required: "registrations:accept.errors.nameRequired",
    value: (data: { name: string }) => data.name,
  },
  {
    form: "invitation",
    parse: (name: string) => InviteSchema.safeParse({ intent: "invite", delegationId: UUID, email: "a@example.org", name, language: "ar" }),
    required: "registrations:errors.nameRequired",
    value: (data: { name: string }) => data.name,
  },
  {
    form: "meeting",
    parse: (body: string) =>
      MeetingSchema.safeParse({
        body,
        symbolPrefix: "CTOC/COP/WG.2",
        session: "2020",
        venue: "Vienna",
        startDate: "2020-07-02",
        endDate: "2020-07-03",
        format: "hybrid",
        timeZone: "Europe/Vienna",
      }),
    required: "consultations:errors.required",
    value: (data: { body: string }) => data.body,
  },
  {
    form: "consultation",
    parse: (title: string) => ConsultationSchema.safeParse({ meetingId: UUID, title, receiptPrefix: "CTOC-2020" }),
    required: "consultations:errors.required",
    value: (data: { title: string }) => data.title,
  },
] as const;

describe.each(forms)("the $form form's name", ({ parse, required, value }) => {
  const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];
  it("refuses U+202E", () => {
    const result = parse(`${RLO}Peru`);
    expect(result.success).toBe(false);
    expect(messages(result)).toEqual(["common:nameErrors.bidiControl"]);
  });
  it("strips U+200B and U+FEFF", () => {
    const result = parse(`${BOM}Techni${ZWSP}cal assistance`);
    expect(result.success).toBe(true);
    expect(value(result.data as never)).toBe("Technical assistance");
  });
  it("counts a name of invisible characters only as missing", () => {
    expect(messages(parse(`${ZWSP}${BOM}`))).toEqual([required]);
  });
  it("keeps ZWNJ in an Arabic name", () => {
    const result = parse(`عبد${ZWNJ}الله`);
    expect(result.success).toBe(true);
    expect(value(result.data as never)).toBe(`عبد${ZWNJ}الله`);
  });
});

describe("pasted delegation names (registrations)", () => {
  it("lose their disguising characters, so that they match", () => {
    const review = ReviewSchema.safeParse({ intent: "review", names: `Pe${ZWSP}ru\n${BOM}Chile` });
    expect(review.success && review.data.names).toBe("Peru\nChile");
    const register = RegisterSchema.safeParse({ intent: "register", source: "review", names: `Pe${ZWSP}ru`, delegationId: [UUID] });
    expect(register.success && register.data.names).toBe("Peru");
  });
});

describe("archive import", () => {
  it("refuses a person's name with a direction override", () => {
    const result = checkArchive({
      format: "nonpaper-consultation-archive",
      version: 1,
      users: [{ email: "a@example.org", name: `${RLO}anA`, role: "chair", language: "en", timeZone: null, delegation: null }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message)).toContain("a name must not hold bidi, control or damaged characters");
  });
});
