// The translation desk at scale: paged and filtered with the same few SQL statements whatever the
// number of comments, every comment reachable page by page exactly once in desk order, and the
// counts of the whole desk. Runs on PGlite and, in CI, on PostgreSQL.
//
// Desk order: agenda item (position); general comments, then the points in agenda order, then
// new proposals; the label; the delegation's English name; the comment's position; its id.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getTranslationForEditing, listTranslationDesk, saveTranslation, type DeskFilters } from "~/models/translation.server";
import type { SessionUser } from "~/models/user.server";
import DeskPage, { loader as deskLoader } from "~/routes/consultations.$consultationId.translations";
import { getDb, schema } from "~/utils/db.server";
import { requestAs } from "./helpers";
import { renderRoute } from "./render-route";
import { countQueries, openConsultation, POINT_TEXTS, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const LANGUAGES = ["ar", "zh", "fr", "ru", "es", "en"] as const;
type Lang = (typeof LANGUAGES)[number];
const TEXT: Record<Lang, string> = {
  ar: "يرى وفدنا أن هذه النقطة تستحق مزيدا من النظر",
  zh: "我国代表团认为这一要点值得进一步审议",
  fr: "Notre délégation estime que ce point mérite un examen approfondi",
  ru: "Наша делегация считает, что этот пункт заслуживает рассмотрения",
  es: "Nuestra delegación considera que este punto merece un examen detenido",
  en: "Our delegation considers that this point deserves consideration",
};

type Expected = { commentId: string; code: string; nameEn: string; language: Lang; status: "todo" | "draft" | "final" | "outdated"; key: (number | string)[] };

/**
 * `count` delegations (plain one-word English names, so that any collation sorts them alike), each
 * with one current revision in a language (every sixth in English: not on the desk): a general
 * comment on item 2, a comment on 2(a), an amendment to 2(b) whose wording is English (queued for
 * its text only), a comment on 3(a) and a new proposal on item 3. Translations: final, draft, one
 * made from an older wording (outdated), one whose original differs only in whitespace (final).
 */
async function fill(count: number) {
  const c = await openConsultation();
  const db = await getDb();
  const officer = await userByEmail("secretariat@nonpaper.test");
  const delegations = (
    await db.select({ id: schema.delegations.id, code: schema.delegations.code, nameEn: schema.delegations.nameEn }).from(schema.delegations)
  )
    .filter((d) => /^[A-Z][a-z]+$/.test(d.nameEn))
    .slice(0, count);
  expect(delegations).toHaveLength(count);
  const items = await db.query.agendaItems.findMany({ where: (a, { eq }) => eq(a.consultationId, c.consultationId) });
  const position = Object.fromEntries(items.map((i) => [i.id, i.position]));
  const points = await db.query.discussionPoints.findMany({ where: (p, { inArray }) => inArray(p.id, Object.values(c.points)) });
  const pointPosition = Object.fromEntries(points.map((p) => [p.id, p.position]));
  const versions = await db.query.pointVersions.findMany({ where: (v, { inArray }) => inArray(v.pointId, Object.values(c.points)) });
  const versionOf = Object.fromEntries(versions.map((v) => [v.pointId, v.id]));
  const expected: Expected[] = [];
  for (const [n, delegation] of delegations.entries()) {
    const language = LANGUAGES[n % 6]!;
    const [submission] = await db
      .insert(schema.submissions)
      .values({ consultationId: c.consultationId, delegationId: delegation.id, status: "submitted", language })
      .returning({ id: schema.submissions.id });
    const [revision] = await db
      .insert(schema.submissionRevisions)
      .values({
        submissionId: submission!.id,
        revisionNumber: 1,
        receiptNumber: `PAGING-${delegation.code}-${c.consultationId}`,
        idempotencyKey: `paging-${delegation.code}-${c.consultationId}`,
        language,
      })
      .returning({ id: schema.submissionRevisions.id });
    const base = { submissionId: submission!.id, revisionId: revision!.id, language };
    const body = (i: number) => `${TEXT[language]} ${delegation.code} ${i}.`;
    const rows = [
      { ...base, kind: "general" as const, agendaItemId: c.items["2"]!, position: 0, body: body(0) },
      { ...base, kind: "point" as const, agendaItemId: c.items["2"]!, pointId: c.points["2(a)"]!, position: 1, body: body(1) },
      {
        ...base,
        kind: "amendment" as const,
        agendaItemId: c.items["2"]!,
        pointId: c.points["2(b)"]!,
        basePointVersionId: versionOf[c.points["2(b)"]!]!,
        position: 2,
        body: body(2),
        proposedText: POINT_TEXTS.b.replace("[continue to] ", ""),
      },
      { ...base, kind: "point" as const, agendaItemId: c.items["3"]!, pointId: c.points["3(a)"]!, position: 3, body: body(3) },
      { ...base, kind: "new_proposal" as const, agendaItemId: c.items["3"]!, label: "(b)", position: 4, body: body(4) },
    ];
    const inserted = await db.insert(schema.comments).values(rows).returning({ id: schema.comments.id, body: schema.comments.body });
    // General: final; point 2(a): draft; amendment: outdated; 3(a): whitespace only (final); proposal: to do.
    const translated = [
      { commentId: inserted[0]!.id, status: "final" as const, sourceBody: inserted[0]!.body },
      { commentId: inserted[1]!.id, status: "draft" as const, sourceBody: inserted[1]!.body },
      { commentId: inserted[2]!.id, status: "final" as const, sourceBody: `${TEXT[language]} an older wording.` },
      { commentId: inserted[3]!.id, status: "final" as const, sourceBody: `  ${inserted[3]!.body.replace(" ", "   ")}\n` },
    ];
    if (language !== "en") {
      await db.insert(schema.translations).values(translated.map((t) => ({ ...t, body: "Translated.", translatorId: officer.id })));
      const status = ["final", "draft", "outdated", "final", "todo"] as const;
      rows.forEach((row, i) =>
        expected.push({
          commentId: inserted[i]!.id,
          code: delegation.code,
          nameEn: delegation.nameEn,
          language,
          status: status[i]!,
          key: [
            position[row.agendaItemId]!,
            row.kind === "general" ? -1 : row.kind === "new_proposal" ? 1_000_000 : pointPosition[row.pointId!]!,
            "label" in row ? (row.label ?? "") : "",
            delegation.nameEn,
            row.position,
          ],
        }),
      );
    }
  }
  const compare = (a: Expected, b: Expected) => {
    for (let i = 0; i < a.key.length; i++) {
      const x = a.key[i]!;
      const y = b.key[i]!;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
  return { consultationId: c.consultationId, officer, expected: expected.sort(compare) };
}

/** Every row of the desk under `filters`, page after page, and the first page's answer. */
async function allPages(officer: SessionUser, consultationId: string, filters: DeskFilters = {}) {
  const first = (await listTranslationDesk(officer, consultationId, filters, 1))!;
  const rows = [...first.rows];
  for (let page = 2; page <= first.pages; page++) {
    const next = (await listTranslationDesk(officer, consultationId, filters, page))!;
    expect(next.page).toBe(page);
    rows.push(...next.rows);
  }
  return { first, rows };
}

describe("the desk at scale", () => {
  it("reads a page with the same statements for 5 delegations as for 100", async () => {
    const small = await fill(5);
    const large = await fill(100);
    // First reads: the comments are new to this process, so their texts are read once too.
    const coldSmall = await countQueries(() => listTranslationDesk(small.officer, small.consultationId));
    const coldLarge = await countQueries(() => listTranslationDesk(large.officer, large.consultationId));
    expect(coldLarge.queries).toBe(coldSmall.queries);
    // The consultation with the desk's stamp and delegations, the index, the texts, the page's rows.
    expect(coldLarge.queries).toBe(4);
    // While nothing changes, another page or filter: the consultation with the stamp, the page's rows.
    const warmSmall = await countQueries(() => listTranslationDesk(small.officer, small.consultationId, { status: "todo" }, 2));
    const warmLarge = await countQueries(() => listTranslationDesk(large.officer, large.consultationId, { status: "todo" }, 2));
    expect(warmLarge.queries).toBe(warmSmall.queries);
    expect(warmLarge.queries).toBe(2);
    const editorSmall = await countQueries(() => getTranslationForEditing(small.officer, small.consultationId, small.expected[0]!.commentId));
    const editorLarge = await countQueries(() => getTranslationForEditing(large.officer, large.consultationId, large.expected[0]!.commentId));
    expect(editorLarge.queries).toBe(editorSmall.queries);
    expect(editorLarge.queries).toBe(2);

    // A page holds 100 rows; every comment is on exactly one page, in desk order.
    expect(coldLarge.result!.rows).toHaveLength(100);
    expect(coldLarge.result!.matching).toBe(large.expected.length);
    expect(coldLarge.result!.total).toBe(large.expected.length);
    expect(coldLarge.result!.pages).toBe(Math.ceil(large.expected.length / 100));
    const { rows } = await allPages(large.officer, large.consultationId);
    expect(rows.map((r) => r.commentId)).toEqual(large.expected.map((e) => e.commentId));
    expect(rows.map((r) => [r.delegation.code, r.language, r.status])).toEqual(large.expected.map((e) => [e.code, e.language, e.status]));
    // The amendment is queued for its text; its English wording needs no translation.
    expect(rows.filter((r) => r.kind === "amendment").every((r) => r.excerpt.includes(r.delegation.code))).toBe(true);

    // The counts are the whole desk's.
    const counts = { todo: 0, draft: 0, final: 0, outdated: 0 };
    for (const e of large.expected) counts[e.status] += 1;
    expect(coldLarge.result!.counts).toEqual(counts);
    expect(coldLarge.result!.languages).toEqual(["ar", "es", "fr", "ru", "zh"]);
    expect(coldLarge.result!.delegations.map((d) => d.code).sort()).toEqual([...new Set(large.expected.map((e) => e.code))].sort());
  });

  it("filters by status, language and delegation, page by page, with the counts under the other filters", async () => {
    const { officer, consultationId, expected } = await fill(60);
    const cases: { filters: DeskFilters; keep: (e: Expected) => boolean }[] = [
      { filters: { status: "outdated" }, keep: (e) => e.status === "outdated" },
      { filters: { status: "final" }, keep: (e) => e.status === "final" },
      { filters: { language: "zh" }, keep: (e) => e.language === "zh" },
      { filters: { language: "ar", status: "todo" }, keep: (e) => e.language === "ar" && e.status === "todo" },
      { filters: { delegation: expected[0]!.code }, keep: (e) => e.code === expected[0]!.code },
    ];
    for (const { filters, keep } of cases) {
      const { first, rows } = await allPages(officer, consultationId, filters);
      const want = expected.filter(keep);
      expect(
        rows.map((r) => r.commentId),
        JSON.stringify(filters),
      ).toEqual(want.map((e) => e.commentId));
      expect(first.matching).toBe(want.length);
      const scoped = expected.filter((e) => (!filters.language || e.language === filters.language) && (!filters.delegation || e.code === filters.delegation));
      const counts = { todo: 0, draft: 0, final: 0, outdated: 0 };
      for (const e of scoped) counts[e.status] += 1;
      expect(first.counts, JSON.stringify(filters)).toEqual(counts);
      expect(first.total).toBe(expected.length);
    }
    // A page past the last shows the last; nothing is lost.
    const past = (await listTranslationDesk(officer, consultationId, { status: "final" }, 999))!;
    expect(past.page).toBe(past.pages);
    expect(past.rows.length).toBeGreaterThan(0);
  });

  it("sees every change at the next read, through the app or by hand, and reads nothing again otherwise", async () => {
    const { officer, consultationId, expected } = await fill(12);
    const db = await getDb();
    const read = () => countQueries(() => listTranslationDesk(officer, consultationId));
    const statusOf = async (commentId: string) => (await allPages(officer, consultationId)).rows.find((r) => r.commentId === commentId)?.status;
    await read();
    const before = await read();
    expect(before.queries).toBe(2);

    // A save through the app: the index is read again (its texts are not).
    const todo = expected.find((e) => e.status === "todo")!;
    const saved = await saveTranslation(officer, {
      consultationId,
      commentId: todo.commentId,
      expectedVersion: 0,
      body: "Translated.",
      proposedText: null,
      final: true,
      machineAssisted: false,
    });
    expect(saved.ok).toBe(true);
    const afterSave = await read();
    expect(afterSave.queries).toBe(3);
    expect(afterSave.result!.counts.final).toBe(before.result!.counts.final + 1);
    expect(afterSave.result!.counts.todo).toBe(before.result!.counts.todo - 1);
    expect(await statusOf(todo.commentId)).toBe("final");

    // By hand: a final translation made a draft, without a new version.
    const final = expected.find((e) => e.status === "final")!;
    await db.update(schema.translations).set({ status: "draft" }).where(eq(schema.translations.commentId, final.commentId));
    expect(await statusOf(final.commentId)).toBe("draft");

    // By hand: a comment's text rewritten in English leaves the desk (its texts are judged again).
    const draft = expected.find((e) => e.status === "draft" && e.language === "zh")!;
    await db.update(schema.comments).set({ body: "Our delegation supports this point without reservation." }).where(eq(schema.comments.id, draft.commentId));
    const afterEdit = await read();
    expect(afterEdit.queries).toBe(4);
    expect(afterEdit.result!.total).toBe(expected.length - 1);
    expect(await statusOf(draft.commentId)).toBeUndefined();
    expect((await read()).queries).toBe(2);
  });

  it("renders page X of Y with links that keep the filters, in the reader's language, without JavaScript", async () => {
    const { consultationId, expected } = await fill(80);
    const path = `/consultations/${consultationId}/translations`;
    const page = async (search: string, language: "en" | "fr" | "ar" = "en") => {
      const request = await requestAs("secretariat@nonpaper.test", `${path}${search}`);
      const data = await deskLoader({ request, params: { consultationId }, context: { clientAddress: "127.0.0.1" } });
      return { data, html: await renderRoute(DeskPage, { url: `http://nonpaper.test${path}${search}`, loaderData: data, language }) };
    };
    const finals = expected.filter((e) => e.status === "final").length;
    expect(finals).toBeGreaterThan(100);
    const { data, html } = await page("?status=final&status=x&page=2");
    // The first status given counts; it is kept in every link and in the page number field.
    expect(data.filters).toEqual({ status: "final", language: null, delegation: null });
    expect(data.rows).toHaveLength(finals - 100);
    const { html: second } = await page("?language=zh&page=2");
    const zh = expected.filter((e) => e.language === "zh").length;
    expect(zh).toBeLessThanOrEqual(100);
    // One page only for Chinese: page 2 shows page 1, without page navigation.
    expect(second).not.toContain("desk-pages");
    expect(second).toContain(`${zh} comments shown`);

    const { html: all } = await page("?page=2");
    const total = expected.length;
    const totalPages = Math.ceil(total / 100);
    expect(all).toContain(`Comments 101–200 of ${total} · Page 2 of ${totalPages}`);
    expect(all).toContain(`Page 2 of ${totalPages}`);
    const nav = all.slice(all.indexOf('<nav class="desk-pages"'));
    expect(nav).toContain(`rel="next" data-discover="true" href="${path}?page=3"`);
    expect(nav).toContain(`rel="prev" data-discover="true" href="${path}"`);
    expect(nav).toContain('<span aria-current="page" class="desk-pages__current">2</span>');
    expect(nav).toContain(`href="${path}?page=${totalPages}">Last page`);
    // The page number field sends the filters along (hidden fields) and the page asked for.
    expect(html.slice(html.indexOf('<nav class="desk-pages"'))).toContain('<input type="hidden" name="status" value="final"/>');
    expect(html).toContain(`rel="prev" data-discover="true" href="${path}?status=final"`);

    const { html: filtered } = await page(`?status=final&delegation=${expected[0]!.code}`);
    expect(filtered).not.toContain("desk-pages");
    const { html: firstFinals } = await page("?status=final");
    expect(firstFinals).toContain(`rel="next" data-discover="true" href="${path}?status=final&amp;page=2"`);
    expect(firstFinals).toContain(`Comments 1–100 of ${finals} · Page 1 of 2`);

    // In French: the same navigation, in French.
    const { html: french } = await page("?page=2", "fr");
    expect(french).toContain(`Page 2 sur ${totalPages}`);
    expect(french).toContain("Page suivante");
  });
});
