// The covering note verbale in the six languages (issue 15): the secretariat drafts and saves it in
// other official languages, it is frozen with the non-paper, and each delegate's circulation email
// carries the note in the delegate's language when there is one, otherwise the English note.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createI18n } from "~/i18n/i18next";
import { draftCoveringNote, circulateConsultation, getCirculationPage, saveCoveringNote } from "~/models/circulation.server";
import { getUserById } from "~/models/user.server";
import { action } from "~/routes/consultations.$consultationId.circulate";
import { getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { BASE_URL, outcome, requestAs, userIdByEmail } from "./helpers";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
// The email's heading above the note: its own ("Covering note verbale:") or "(in English)".
const heading = (language: "en" | "fr" | "es", key: "noteHeading" | "noteHeadingOwn") => createI18n(language).t(`circulation:email.${key}`);
const secretariat = async () => (await getUserById(await userIdByEmail("secretariat@nonpaper.test")))!;

const NOTE = "The Secretariat presents its compliments to the Permanent Missions …";
const FRENCH = "Le Secrétariat présente ses compliments aux missions permanentes …";
const ARABIC = "تهدي الأمانة أطيب تحياتها إلى البعثات الدائمة …";

// The six demo delegates: Peru (es), Morocco (ar), France (fr), China (zh), Russia (ru), United States (en).
async function draft() {
  const db = await getDb();
  return insertDraftConsultation(db, {
    agendaItems: [{ number: "2", title: "Technical assistance", points: [{ label: "(a)", text: "States parties should update their legislative records." }] }],
    delegations: ["PER", "MAR", "FRA", "CHN", "RUS", "USA"],
  });
}

async function messagesOf(consultationId: string) {
  const db = await getDb();
  const rows = await db.select().from(schema.notificationOutbox).where(eq(schema.notificationOutbox.consultationId, consultationId));
  return new Map(rows.map((m) => [m.recipientEmail, m]));
}

describe("the covering note in the six languages", () => {
  it("is drafted in a language on request, saved with the English note, frozen at circulation and sent in each delegate's language", async () => {
    const { consultationId } = await draft();
    const officer = await secretariat();

    // Drafted from the data with the language's formulas; nothing is saved by drafting.
    const french = await draftCoveringNote(officer, consultationId, "fr", { baseUrl: BASE_URL });
    expect(french).toContain("présente ses compliments aux missions permanentes");
    expect(french).toContain("saisit cette occasion pour renouveler");
    expect(await draftCoveringNote(officer, consultationId, "zh", { baseUrl: BASE_URL })).toContain("重申最崇高的敬意");
    expect(
      await draftCoveringNote(await getUserById(await userIdByEmail("chair@nonpaper.test")).then((u) => u!), consultationId, "fr", { baseUrl: BASE_URL }),
    ).toBeNull();
    let page = await getCirculationPage(officer, consultationId, { baseUrl: BASE_URL });
    expect(page!.note.translations).toEqual({});

    // Saved: an empty text is no note in that language; saving the same again changes nothing.
    const translations = { fr: `${FRENCH}\r\n`, ar: ARABIC, zh: "  " };
    expect(await saveCoveringNote(officer, { consultationId, coveringNote: NOTE, coveringNoteTranslations: translations })).toEqual({
      ok: true,
      changed: true,
    });
    expect(await saveCoveringNote(officer, { consultationId, coveringNote: NOTE, coveringNoteTranslations: translations })).toEqual({
      ok: true,
      changed: false,
    });
    // A caller that knows only the English note keeps the saved translations.
    expect(await saveCoveringNote(officer, { consultationId, coveringNote: NOTE })).toEqual({ ok: true, changed: false });
    expect(await saveCoveringNote(officer, { consultationId, coveringNote: NOTE, coveringNoteTranslations: { fr: "x".repeat(20_001) } })).toEqual({
      ok: false,
      reason: "note_too_long",
    });
    page = await getCirculationPage(officer, consultationId, { baseUrl: BASE_URL });
    expect(page!.note).toMatchObject({ saved: NOTE, translations: { fr: FRENCH, ar: ARABIC } });
    expect(Object.keys(page!.note.translations).sort()).toEqual(["ar", "fr"]);
    const db = await getDb();
    const audits = await db
      .select({ details: schema.auditLog.details })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.consultationId, consultationId), eq(schema.auditLog.action, "consultation.covering_note")));
    expect(audits).toEqual([{ details: { length: NOTE.length, translations: { ar: ARABIC.length, fr: FRENCH.length } } }]);

    // An invitee reads French too: the rule is the recipient's language, account or invitation.
    const [vanuatu] = await db.select({ id: schema.delegations.id }).from(schema.delegations).where(eq(schema.delegations.code, "VUT"));
    await db.insert(schema.registrations).values({ consultationId, delegationId: vanuatu!.id });
    await db.insert(schema.invitations).values({
      email: "vanuatu-note@nonpaper.test",
      name: null,
      role: "delegate",
      delegationId: vanuatu!.id,
      language: "fr",
      timeZone: null,
      tokenHash: randomBytes(32).toString("hex"),
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    });

    const result = await circulateConsultation(officer, { consultationId, coveringNote: NOTE, baseUrl: BASE_URL });
    expect(result).toMatchObject({ ok: true, notifications: 7 });
    if (!result.ok) return;
    const [nonPaper] = await db.select().from(schema.nonPapers).where(eq(schema.nonPapers.id, result.nonPaperId));
    expect(nonPaper).toMatchObject({ coveringNote: NOTE, coveringNoteTranslations: { fr: FRENCH, ar: ARABIC } });
    page = await getCirculationPage(officer, consultationId, { baseUrl: BASE_URL });
    expect(page!.nonPaper!.coveringNoteTranslations).toEqual({ ar: ARABIC, fr: FRENCH });

    const messages = await messagesOf(consultationId);
    const noteOf = (email: string) => messages.get(email)!.body;
    for (const email of ["france@nonpaper.test", "vanuatu-note@nonpaper.test"]) {
      expect(noteOf(email), email).toContain(`${heading("fr", "noteHeadingOwn")}\n\n${FRENCH}`);
      expect(noteOf(email), email).not.toContain(NOTE);
    }
    expect(noteOf("morocco@nonpaper.test")).toContain(`\n\n${ARABIC}\n`);
    expect(noteOf("morocco@nonpaper.test")).not.toContain(NOTE);
    // No note in Spanish, Chinese or Russian: those readers receive the English one, said to be in English.
    for (const email of ["peru@nonpaper.test", "china@nonpaper.test", "russia@nonpaper.test"]) {
      expect(noteOf(email), email).toContain(NOTE);
      expect(noteOf(email), email).not.toContain(FRENCH);
      expect(noteOf(email), email).not.toContain(ARABIC);
    }
    expect(noteOf("peru@nonpaper.test")).toContain(`${heading("es", "noteHeading")}\n\n${NOTE}`);
    expect(noteOf("usa@nonpaper.test")).toContain(`${heading("en", "noteHeadingOwn")}\n\n${NOTE}`);

    const [circulation] = await db
      .select({ details: schema.auditLog.details })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.consultationId, consultationId), eq(schema.auditLog.action, "consultation.circulate")));
    expect(circulation!.details).toMatchObject({ translations: { ar: ARABIC.length, fr: FRENCH.length } });
  });

  it("through the page: drafts one language keeping what was typed in the others, saves, and circulates what was posted", async () => {
    const { consultationId } = await draft();
    const path = `/consultations/${consultationId}/circulate`;
    const post = async (fields: Record<string, string>) =>
      outcome(async () =>
        action({
          request: await requestAs("secretariat@nonpaper.test", path, { method: "POST", body: new URLSearchParams(fields) }),
          params: { consultationId },
          context,
        }),
      );

    const drafted = (await post({ intent: "regenerate-es", coveringNote: NOTE, "translations.fr": FRENCH })) as {
      value: { data: { regenerated: { language: string; text: string; typed: { coveringNote: string; translations: Record<string, string> } } } };
    };
    const regenerated = drafted.value.data.regenerated;
    expect(regenerated.language).toBe("es");
    expect(regenerated.text).toContain("saluda atentamente a las Misiones Permanentes");
    expect(regenerated.text).toContain("las seguridades de su más alta consideración.");
    expect(regenerated.typed.coveringNote).toBe(NOTE);
    expect(regenerated.typed.translations.fr).toBe(FRENCH);

    const tooLong = (await post({ intent: "save", coveringNote: NOTE, "translations.ru": "x".repeat(20_001) })) as { value: { init: { status: number } } };
    expect(tooLong.value.init.status).toBe(400);

    const saved = (await post({ intent: "save", coveringNote: NOTE, "translations.fr": FRENCH, "translations.es": "" })) as { thrown: Response };
    expect(saved.thrown.status).toBe(302);
    const officer = await secretariat();
    expect((await getCirculationPage(officer, consultationId, { baseUrl: BASE_URL }))!.note.translations).toEqual({ fr: FRENCH });

    // The boxes as posted are what circulates: French edited, Russian added.
    const circulated = (await post({
      intent: "circulate",
      confirm: "on",
      coveringNote: NOTE,
      "translations.fr": "La note modifiée.",
      "translations.ru": "Нота на русском языке.",
    })) as { thrown: Response };
    expect(circulated.thrown.status).toBe(302);
    const db = await getDb();
    const [nonPaper] = await db.select().from(schema.nonPapers).where(eq(schema.nonPapers.consultationId, consultationId));
    expect(nonPaper!.coveringNoteTranslations).toEqual({ fr: "La note modifiée.", ru: "Нота на русском языке." });
    const messages = await messagesOf(consultationId);
    expect(messages.get("france@nonpaper.test")!.body).toContain("La note modifiée.");
    expect(messages.get("russia@nonpaper.test")!.body).toContain("Нота на русском языке.");
    expect(messages.get("peru@nonpaper.test")!.body).toContain(NOTE);
  });
});
