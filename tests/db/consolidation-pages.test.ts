// The side-by-side and matrix pages and the review action: every denial, what they render, and
// that no delegate's page ever carries a tag or a note.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "~/utils/db.server";
import { loader as consultationLoader } from "~/routes/consultations.$consultationId._index";
import { loader as submissionLoader } from "~/routes/consultations.$consultationId.submission";
import MatrixPage, { loader as matrixLoader } from "~/routes/consultations.$consultationId.matrix";
import SideBySidePage, { action as sideAction, loader as sideLoader } from "~/routes/consultations.$consultationId.side-by-side/route";
import { makeChairOf, newChair, writeRevision, writeTranslation } from "./consolidation-setup";
import { outcome, requestAs, statusOf } from "./helpers";
import { renderRoute } from "./render-route";
import { openConsultation, POINT_TEXTS } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const OFFICER = "secretariat@nonpaper.test";
const CHAIR = "chair@nonpaper.test";
const PERU = "peru@nonpaper.test";
const context = { clientAddress: "127.0.0.1" };
const NOTE = "Private note of the Chair about Peru";
const AMENDED_B = POINT_TEXTS.b.replace("[continue to] provide", "provide");

async function scenario() {
  const c = await openConsultation();
  await makeChairOf(c.consultationId);
  const [peruA, peruB] = await writeRevision(c.consultationId, "PER", "es", [
    { kind: "point", pointId: c.points["2(a)"]!, body: "Apoyamos el punto (a)." },
    { kind: "amendment", pointId: c.points["2(b)"]!, body: "Suprimir los corchetes.", proposedText: AMENDED_B },
  ]);
  await writeTranslation(peruA!, { status: "final", body: "We support point (a)." });
  const [moroccoA] = await writeRevision(c.consultationId, "MAR", "ar", [{ kind: "point", pointId: c.points["2(a)"]!, body: "يؤيد المغرب النقطة." }]);
  await writeTranslation(moroccoA!, { status: "draft", body: "Morocco supports the point.", machineAssisted: true });
  return { c, ids: { peruA: peruA!, peruB: peruB!, moroccoA: moroccoA! } };
}

const sidePath = (id: string, search = "") => `/consultations/${id}/side-by-side${search}`;
const matrixPath = (id: string) => `/consultations/${id}/matrix`;

async function loadSide(email: string | null, consultationId: string, search = "") {
  const request = await requestAs(email, sidePath(consultationId, search));
  return outcome(() => sideLoader({ request, params: { consultationId }, context }));
}
async function loadMatrix(email: string | null, consultationId: string) {
  const request = await requestAs(email, matrixPath(consultationId));
  return outcome(() => matrixLoader({ request, params: { consultationId }, context }));
}
async function postReview(email: string | null, consultationId: string, fields: Record<string, string>, search = "?item=2") {
  const request = await requestAs(email, sidePath(consultationId, search), { method: "POST", body: new URLSearchParams({ intent: "review", ...fields }) });
  return outcome(() => sideAction({ request, params: { consultationId }, context }));
}
const status = (result: { thrown: unknown } | { value: unknown }) => ("thrown" in result ? statusOf(result.thrown) : 200);
const returned = (result: { thrown: unknown } | { value: unknown }) => {
  if (!("value" in result)) throw new Error(`threw ${statusOf(result.thrown)}`);
  return result.value as unknown as { data: { review: { commentId: string; tag: string; note: string; error: string } }; init: { status: number } };
};

describe("who may open the side-by-side view and the matrix, and review", () => {
  it("sends anonymous visitors to sign in, refuses delegates (403) and chairs of other consultations (404), lets the chair and the secretariat in", async () => {
    const { c, ids } = await scenario();
    const otherChair = await newChair();
    for (const load of [loadSide, loadMatrix]) {
      expect(status(await load(null, c.consultationId))).toBe(302);
      expect(status(await load(PERU, c.consultationId))).toBe(403);
      expect(status(await load("morocco@nonpaper.test", c.consultationId))).toBe(403);
      expect(status(await load(otherChair, c.consultationId))).toBe(404);
      expect(status(await load(CHAIR, "not-a-uuid"))).toBe(404);
      expect(status(await load(CHAIR, c.consultationId))).toBe(200);
      expect(status(await load(OFFICER, c.consultationId))).toBe(200);
    }
    const fields = { commentId: ids.peruA, tag: "supports", note: NOTE, anchor: "x" };
    expect(status(await postReview(null, c.consultationId, fields))).toBe(302);
    expect(status(await postReview(PERU, c.consultationId, fields))).toBe(403);
    expect(status(await postReview(otherChair, c.consultationId, fields))).toBe(404);
    const db = await getDb();
    expect(await db.select().from(schema.chairReviews).where(eq(schema.chairReviews.commentId, ids.peruA))).toEqual([]);
  });
});

describe("the review action", () => {
  it("saves and redirects to the same view at the same entry; a bad note is refused with what was typed", async () => {
    const { c, ids } = await scenario();
    const anchor = `point-${c.points["2(a)"]}-PER`;
    const saved = await postReview(CHAIR, c.consultationId, { commentId: ids.peruA, tag: "supports", note: NOTE, anchor }, "?item=2&order=reader");
    expect("thrown" in saved && saved.thrown instanceof Response).toBe(true);
    const response = (saved as { thrown: Response }).thrown;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${sidePath(c.consultationId)}?item=2&order=reader#${anchor}`);

    const bidi = await postReview(CHAIR, c.consultationId, { commentId: ids.peruB, tag: "objects", note: "abc \u202E def", anchor });
    const reply = returned(bidi);
    expect(reply.init.status).toBe(400);
    expect(reply.data.review).toEqual({
      form: "review",
      commentId: ids.peruB,
      tag: "objects",
      note: "abc \u202E def",
      error: "consolidation:errors.noteInvalid",
      values: undefined,
    });
    expect(returned(await postReview(CHAIR, c.consultationId, { commentId: ids.peruB, tag: "loves_it", note: "" })).data.review.error).toBe(
      "consolidation:errors.invalidTag",
    );
    expect(returned(await postReview(CHAIR, c.consultationId, { commentId: "nope", tag: "", note: "" })).init.status).toBe(400);
    const forged = returned(await postReview(OFFICER, c.consultationId, { commentId: "00000000-0000-4000-8000-000000000000", tag: "supports", note: "" }));
    expect(forged.init.status).toBe(409);
    const db = await getDb();
    expect(await db.select().from(schema.chairReviews).where(eq(schema.chairReviews.commentId, ids.peruB))).toEqual([]);

    // The page after the error keeps the typed text in that entry's form, with the message.
    const page = await loadSide(CHAIR, c.consultationId, "?item=2");
    const html = await renderRoute(SideBySidePage, {
      url: `http://x${sidePath(c.consultationId, "?item=2")}`,
      loaderData: (page as { value: unknown }).value,
      actionData: reply.data,
    });
    expect(html).toContain("abc \u202E def</textarea>");
    expect(html).toContain("invisible control or text-direction characters");
  });
});

describe("the review form, on demand and without JavaScript", () => {
  const forms = (html: string) => html.match(/<form\b[^>]*>/g) ?? [];
  const posts = (html: string) => forms(html).filter((tag) => tag.includes('method="post"'));
  /** The HTML of one entry's <article>. */
  const entryHtml = (html: string, anchor: string) => {
    const start = html.indexOf(`<article id="${anchor}"`);
    expect(start).toBeGreaterThan(-1);
    return html.slice(start, html.indexOf("</article>", start));
  };
  async function render(consultationId: string, search: string, actionData?: unknown) {
    const page = await loadSide(CHAIR, consultationId, search);
    return renderRoute(SideBySidePage, { url: `http://x${sidePath(consultationId, search)}`, loaderData: (page as { value: unknown }).value, actionData });
  }

  it("puts no review form in the page until asked; ?review= renders that comment's one form, which posts and returns to the entry", async () => {
    const { c, ids } = await scenario();
    const peru = `point-${c.points["2(a)"]}-PER`;
    const morocco = `point-${c.points["2(a)"]}-MAR`;

    // No POST form at all: the filters and the opener are the page's only forms, both GET.
    const closed = await render(c.consultationId, "?item=2&order=reader");
    expect(posts(closed)).toEqual([]);
    expect(forms(closed)).toHaveLength(2);
    // The opener keeps the view's address and ends at the form it opens.
    expect(closed).toContain(
      '<form id="sbs-review-opener" method="get" action="#sbs-review" hidden=""><input type="hidden" name="item" value="2"/><input type="hidden" name="order" value="reader"/></form>',
    );
    // Each entry has a button that submits it with its comment's id, named with the delegation.
    for (const [anchor, id] of [
      [peru, ids.peruA],
      [morocco, ids.moroccoA],
    ] as const) {
      const entry = entryHtml(closed, anchor);
      expect(entry).toContain(`<button type="submit" form="sbs-review-opener" name="review" value="${id}"`);
      expect(entry).toContain(`aria-describedby="${anchor}-name">Review this entry</button>`);
      expect(entry).not.toContain("<select");
    }

    // ?review=<Peru's comment>: two POST forms, both in Peru's entry (the reader's review and the
    // comment's disposition), with labelled fields; Morocco keeps its button.
    const search = `?item=2&order=reader&review=${ids.peruA}`;
    const open = await render(c.consultationId, search);
    expect(posts(open)).toHaveLength(2);
    const form = entryHtml(open, peru);
    expect(posts(form)).toHaveLength(2);
    expect(form).toContain('<input type="hidden" name="intent" value="disposition"/>');
    expect(form).toMatch(
      new RegExp(`<label for="disposition-${ids.peruA}-value">Disposition</label><select id="disposition-${ids.peruA}-value" name="disposition">`),
    );
    expect(form).toContain(`<label for="disposition-${ids.peruA}-observation">Observations of the Secretariat</label>`);
    expect(form).toContain(`<form method="post" action="${sidePath(c.consultationId)}?item=2&amp;order=reader#${peru}" id="sbs-review"`);
    expect(form).toContain(`<input type="hidden" name="commentId" value="${ids.peruA}"/>`);
    expect(form).toMatch(new RegExp(`<label for="review-${ids.peruA}-tag">Tag</label><select id="review-${ids.peruA}-tag" name="tag">`));
    expect(form).toContain(`<label for="review-${ids.peruA}-note">Private note</label>`);
    expect(form).toContain(`<a href="${sidePath(c.consultationId)}?item=2&amp;order=reader#${peru}" data-review-close="${ids.peruA}"`);
    expect(form).not.toContain('form="sbs-review-opener"');
    expect(entryHtml(open, morocco)).toContain(`value="${ids.moroccoA}"`);
    // The opener never carries the open form's id on to the next one.
    expect(open).toContain('<input type="hidden" name="item" value="2"/><input type="hidden" name="order" value="reader"/></form>');

    // Posted as a browser posts it (to the address with ?review=): back to the view without the form, at the entry.
    const saved = await postReview(CHAIR, c.consultationId, { commentId: ids.peruA, tag: "supports", note: NOTE, anchor: peru }, search);
    expect("thrown" in saved && saved.thrown instanceof Response).toBe(true);
    expect((saved as { thrown: Response }).thrown.headers.get("Location")).toBe(`${sidePath(c.consultationId)}?item=2&order=reader#${peru}`);
    const after = await render(c.consultationId, "?item=2&order=reader");
    expect(posts(after)).toEqual([]);
    const reviewed = entryHtml(after, peru);
    expect(reviewed).toContain(">Supports</span>");
    expect(reviewed).toContain(NOTE);
    expect(reviewed).toContain(">Edit your review</button>");

    // A refused save shows that entry's form again, with what was typed and the message, whatever the address.
    const refused = await postReview(CHAIR, c.consultationId, { commentId: ids.moroccoA, tag: "objects", note: "bell \u0007", anchor: morocco }, search);
    const reply = returned(refused);
    const again = await render(c.consultationId, search, reply.data);
    expect(posts(again)).toHaveLength(2);
    expect(posts(entryHtml(again, morocco))).toHaveLength(2);
    expect(entryHtml(again, morocco)).toContain("bell \u0007</textarea>");
    expect(entryHtml(again, morocco)).toContain('role="alert"');
    expect(entryHtml(again, peru)).not.toContain("<textarea");
  });

  it("ignores a malformed ?review= and an id that is not on the page", async () => {
    const { c } = await scenario();
    for (const review of ["not-an-id", "00000000-0000-4000-8000-000000000000", "<script>"]) {
      const html = await render(c.consultationId, `?item=2&review=${encodeURIComponent(review)}`);
      expect(posts(html), review).toEqual([]);
      expect(html).not.toContain("<script>");
    }
  });
});

describe("what the pages render", () => {
  it("renders the side-by-side: translation labelled unofficial, the original in its language and direction, the redline, the review form", async () => {
    const { c, ids } = await scenario();
    await postReview(CHAIR, c.consultationId, { commentId: ids.peruB, tag: "proposes_amendment", note: NOTE });
    const page = await loadSide(CHAIR, c.consultationId, "?item=2");
    const html = await renderRoute(SideBySidePage, { url: `http://x${sidePath(c.consultationId, "?item=2")}`, loaderData: (page as { value: unknown }).value });
    expect(html).toContain(`id="point-${c.points["2(a)"]}-PER"`);
    expect(html).toContain(`id="point-${c.points["2(a)"]}-MAR"`);
    expect(html).toContain("Unofficial translation");
    expect(html).toContain("Machine-assisted");
    expect(html).toMatch(/<div class="sbs-text" lang="ar" dir="rtl">يؤيد المغرب النقطة.<\/div>/);
    expect(html).toMatch(/<div class="sbs-text" lang="es" dir="ltr">Apoyamos el punto \(a\).<\/div>/);
    expect(html).toMatch(/<del>.*continue.*<\/del>/);
    expect(html).toContain("Proposes amendment: 1 delegation");
    // The reader's own review reads as text; its form opens on demand, filled with it.
    expect(html).toContain(`<p class="sbs-review__note-text"><span class="visually-hidden">Private note </span>${NOTE}</p>`);
    const reviewing = await loadSide(CHAIR, c.consultationId, `?item=2&review=${ids.peruB}`);
    const reviewingHtml = await renderRoute(SideBySidePage, {
      url: `http://x${sidePath(c.consultationId, `?item=2&review=${ids.peruB}`)}`,
      loaderData: (reviewing as { value: unknown }).value,
    });
    expect(reviewingHtml).toContain(`>${NOTE}</textarea>`);
    // On demand: the original inside <details>.
    const hidden = await loadSide(CHAIR, c.consultationId, "?item=2&original=hidden");
    const hiddenHtml = await renderRoute(SideBySidePage, {
      url: `http://x${sidePath(c.consultationId, "?item=2&original=hidden")}`,
      loaderData: (hidden as { value: unknown }).value,
    });
    expect(hiddenHtml).toContain("<summary>Show the original (Arabic)</summary>");
    // The secretariat sees the chair's tag but not the note.
    const officer = await loadSide(OFFICER, c.consultationId, "?item=2");
    expect(JSON.stringify((officer as { value: unknown }).value)).not.toContain(NOTE);
    expect(JSON.stringify((officer as { value: unknown }).value)).toContain("proposes_amendment");
  });

  it("renders the matrix as a table with headers, counts and short links to the side-by-side", async () => {
    const { c } = await scenario();
    const matrix = await loadMatrix(CHAIR, c.consultationId);
    const html = await renderRoute(MatrixPage, { url: `http://x${matrixPath(c.consultationId)}`, loaderData: (matrix as { value: unknown }).value });
    expect(html).toContain("<caption");
    expect(html).toContain('scope="colgroup"');
    expect(html).toMatch(
      /<th scope="row">Peru<\/th><td><a class="c" href="side-by-side\?item=2&amp;point=a&amp;delegation=PER"><span class="v">commented<\/span><\/a><\/td><td><a class="b" href="side-by-side\?item=2&amp;point=b&amp;delegation=PER"><span class="v">commented and proposed an amendment<\/span><\/a><\/td><td><span class="v">no comment<\/span><\/td><td class="mx-count">2<\/td>/,
    );
    expect(html).toContain('tabindex="0" role="region" aria-labelledby="matrix-caption"');
  });

  it("gives a delegate's pages no tag and no note", async () => {
    const { c, ids } = await scenario();
    await postReview(CHAIR, c.consultationId, { commentId: ids.peruA, tag: "needs_follow_up", note: NOTE });
    const db = await getDb();
    const [review] = await db
      .select()
      .from(schema.chairReviews)
      .where(and(eq(schema.chairReviews.commentId, ids.peruA)));
    expect(review?.tag).toBe("needs_follow_up");
    type Loader = (args: { request: Request; params: { consultationId: string }; context: typeof context }) => Promise<unknown>;
    for (const run of [consultationLoader, submissionLoader] as unknown as Loader[]) {
      const request = await requestAs(PERU, `/consultations/${c.consultationId}`);
      const result = await outcome(() => run({ request, params: { consultationId: c.consultationId }, context }));
      expect("value" in result).toBe(true);
      const text = JSON.stringify("value" in result ? result.value : null);
      expect(text).not.toContain(NOTE);
      expect(text).not.toContain("needs_follow_up");
    }
  });
});
