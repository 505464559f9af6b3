// Where a delegation stands, as its delegates see it on the home list, the consultation page and
// the submission editor: computed from the database in one query for all its consultations, and
// shown (receipt number and all) on each page. Delegates never see internal version numbers.
import { describe, expect, it } from "vitest";
import { createI18n } from "~/i18n/i18next";
import { getDelegationProgress } from "~/models/delegation-state.server";
import { getSubmissionForDelegate } from "~/models/submission-access.server";
import { saveDraft } from "~/models/submission-draft.server";
import { submitSubmission } from "~/models/submission-submit.server";
import { decideLateSubmission } from "~/models/submission-secretariat.server";
import type { SessionUser } from "~/models/user.server";
import Home, { loader as homeLoader } from "~/routes/_index";
import ConsultationPage, { loader as consultationLoader } from "~/routes/consultations.$consultationId._index";
import SubmissionEditorPage, { loader as editorLoader } from "~/routes/consultations.$consultationId.submission";
import ReceiptPage, { loader as receiptLoader } from "~/routes/consultations.$consultationId.submission_.receipts.$revisionNumber";
import { BASE_URL, consultationIdByPrefix, requestAs } from "./helpers";
import { renderRoute } from "./render-route";
import { countQueries, openConsultation, setDeadline, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
let keyCounter = 0;
const key = () => `state-key-${Date.now()}-${keyCounter++}`;
const en = createI18n("en");
/** A text as React writes it into HTML. */
const html = (text: string) => text.replace(/&/g, "&amp;").replace(/'/g, "&#x27;").replace(/"/g, "&quot;");
const ar = createI18n("ar");

async function saveOnTop(user: SessionUser, consultationId: string, body: string, agendaItemId: string) {
  const page = await getSubmissionForDelegate(user, consultationId);
  const saved = await saveDraft(user, {
    consultationId,
    baseDraftVersion: page!.draft.draftVersion,
    content: { language: "en", general: [{ agendaItemId, body }] },
  });
  if (!saved.ok) throw new Error(`save refused: ${JSON.stringify(saved)}`);
  return saved;
}

async function submit(user: SessionUser, consultationId: string, draftVersion: number) {
  const result = await submitSubmission(user, { consultationId, idempotencyKey: key(), draftVersion, baseUrl: BASE_URL });
  if (!result.ok) throw new Error(`submit refused: ${JSON.stringify(result)}`);
  return result.receipt;
}

const stateOf = async (user: SessionUser, consultationId: string) => (await getDelegationProgress(user, [consultationId])).get(consultationId)!.state;

async function renderConsultationPage(email: string, consultationId: string, language: "en" | "ar" = "en") {
  const loaderData = await consultationLoader({ request: await requestAs(email, `/consultations/${consultationId}`), params: { consultationId }, context });
  return renderRoute(ConsultationPage, { url: `${BASE_URL}/consultations/${consultationId}`, loaderData, language });
}

describe("the delegation's state", () => {
  it("follows the delegation from nothing to a draft, a submission, a revision and a late one declined", async () => {
    const c = await openConsultation({ receiptPrefix: "STATE-1" });
    const usa = await userByEmail("usa@nonpaper.test");
    expect(await stateOf(usa, c.consultationId)).toEqual({ kind: "notStarted", closed: false });

    const first = await saveOnTop(usa, c.consultationId, "First thoughts.", c.items["2"]!);
    expect(await stateOf(usa, c.consultationId)).toEqual({ kind: "draft", closed: false, savedAt: first.savedAt.toISOString() });

    const receipt = await submit(usa, c.consultationId, first.draftVersion);
    expect(await stateOf(usa, c.consultationId)).toEqual({
      kind: "submitted",
      revision: { revisionNumber: 1, receiptNumber: receipt.receiptNumber, submittedAt: receipt.submittedAt.toISOString() },
      lateAccepted: false,
      newerDraft: null,
    });

    // A newer draft, saved but not submitted: "revised", still naming revision 1's receipt.
    const second = await saveOnTop(usa, c.consultationId, "Second thoughts.", c.items["2"]!);
    expect(await stateOf(usa, c.consultationId)).toMatchObject({
      kind: "revised",
      revision: { revisionNumber: 1, receiptNumber: receipt.receiptNumber },
      newerDraft: { savedAt: second.savedAt.toISOString() },
    });

    // After the deadline the newer draft goes in late: held for the secretariat, revision 1 stands.
    await setDeadline(c.consultationId, new Date(Date.now() - 60_000));
    const late = await submit(usa, c.consultationId, second.draftVersion);
    expect(late.late).toBe("pending");
    expect(await stateOf(usa, c.consultationId)).toMatchObject({
      kind: "latePending",
      revision: { revisionNumber: 2, receiptNumber: late.receiptNumber },
      standing: { revisionNumber: 1, receiptNumber: receipt.receiptNumber },
    });

    const officer = await userByEmail("secretariat@nonpaper.test");
    expect(await decideLateSubmission(officer, { revisionId: late.revisionId, decision: "declined", reason: "Received after the deadline." })).toMatchObject({
      ok: true,
    });
    expect(await stateOf(usa, c.consultationId)).toMatchObject({ kind: "lateDeclined", standing: { revisionNumber: 1 } });
  });

  it("reads every consultation of the delegation in one query, and nothing for anyone else", async () => {
    await openConsultation({ receiptPrefix: "STATE-2" });
    await openConsultation({ receiptPrefix: "STATE-3" });
    const morocco = await userByEmail("morocco@nonpaper.test");
    const { queries, result } = await countQueries(() => getDelegationProgress(morocco));
    expect(queries).toBe(1);
    // The demo's two circulated consultations and the two opened here (never the drafts).
    expect(result.size).toBeGreaterThanOrEqual(4);
    const demo2020 = await consultationIdByPrefix("CTOC-2020");
    // The demo: Morocco submitted revision 1 of its comments on the 2020 points.
    expect(result.get(demo2020)!.state).toMatchObject({
      kind: "submitted",
      revision: { revisionNumber: 1, receiptNumber: expect.stringMatching(/^CTOC-2020-MAR-\d{4}$/) },
    });

    for (const email of ["secretariat@nonpaper.test", "chair@nonpaper.test"]) {
      const other = await countQueries(async () => getDelegationProgress(await userByEmail(email)));
      expect(other.result.size).toBe(0);
    }
  });
});

describe("the delegate's pages show it", () => {
  it("home: each consultation with the delegation's status, receipt number and own deadline", async () => {
    const request = await requestAs("morocco@nonpaper.test", "/");
    const loaderData = await homeLoader({ request, params: {}, context });
    const demo2020 = await consultationIdByPrefix("CTOC-2020");
    const row = loaderData.consultations.find((c) => c.id === demo2020)!;
    expect(row.delegation!.state.kind).toBe("submitted");
    const receipt = (row.delegation!.state as { revision: { receiptNumber: string } }).revision.receiptNumber;

    const html = await renderRoute(Home, { url: `${BASE_URL}/`, loaderData, language: "ar" });
    expect(html).toContain(ar.t("submissions:delegationStatus.kind.submitted"));
    // The receipt number isolated and left to right inside the Arabic page.
    expect(html).toContain(`<bdi class="receipt-code" dir="ltr" translate="no">${receipt}</bdi>`);
    // Labelled cells, so that the phone layout can show each under its name.
    expect(html).toContain(`data-label="${ar.t("consultations:columns.deadline")}"`);

    // The secretariat's list has no delegation column.
    const officer = await homeLoader({ request: await requestAs("secretariat@nonpaper.test", "/"), params: {}, context });
    expect(officer.consultations.every((c) => c.delegation === null)).toBe(true);
  });

  it("consultation page: no more 'nothing is sent until you submit' once the delegation has a receipt", async () => {
    const c = await openConsultation({ receiptPrefix: "STATE-4" });
    const usa = await userByEmail("usa@nonpaper.test");
    const writeHelp = html(en.t("submissions:nonPaper.writeHelp"));

    const before = await renderConsultationPage("usa@nonpaper.test", c.consultationId);
    expect(before).toContain(writeHelp);
    expect(before).toContain(en.t("submissions:delegationStatus.kind.notStarted"));
    // The non-paper as the mission knows it, not by the secretariat's count ("Non-paper 1").
    expect(before).not.toMatch(/Non-paper 1\b/);
    expect(before).toContain("<dd>Circulated ");

    const saved = await saveOnTop(usa, c.consultationId, "Our comments.", c.items["2"]!);
    const receipt = await submit(usa, c.consultationId, saved.draftVersion);
    const after = await renderConsultationPage("usa@nonpaper.test", c.consultationId);
    expect(after).not.toContain(writeHelp);
    expect(after).toContain(en.t("submissions:delegationStatus.kind.submitted"));
    expect(after).toContain(receipt.receiptNumber);
    expect(after).toContain(html(en.t("submissions:nonPaper.revise")));
    expect(after).toContain(`/consultations/${c.consultationId}/submission/receipts/1`);
    // The time written out: "9 October 2020 at 14:32", not "9 Oct 2020".
    const month = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" }).format(receipt.submittedAt);
    expect(after).toContain(month);
  });

  it("submission editor: the state under the heading; no internal version numbers on the delegate's pages", async () => {
    const c = await openConsultation({ receiptPrefix: "STATE-5" });
    const usa = await userByEmail("usa@nonpaper.test");
    const page = await getSubmissionForDelegate(usa, c.consultationId);
    const amended = await saveDraft(usa, {
      consultationId: c.consultationId,
      baseDraftVersion: page!.draft.draftVersion,
      content: {
        language: "en",
        general: [],
        points: [{ pointId: c.points["2(a)"]!, body: "We agree.", proposedText: "States parties should update their records." }],
      },
    });
    if (!amended.ok) throw new Error("save refused");
    const receipt = await submit(usa, c.consultationId, amended.draftVersion);

    const path = `/consultations/${c.consultationId}/submission`;
    const editorData = await editorLoader({ request: await requestAs("usa@nonpaper.test", path), params: { consultationId: c.consultationId }, context });
    expect(editorData.state).toMatchObject({ kind: "submitted", revision: { receiptNumber: receipt.receiptNumber } });
    const editorHtml = await renderRoute(SubmissionEditorPage, { url: `${BASE_URL}${path}`, loaderData: editorData });
    const heading = editorHtml.indexOf("</h1>");
    expect(editorHtml.indexOf("delegation-status", heading)).toBeGreaterThan(heading);
    expect(editorHtml).toContain(receipt.receiptNumber);

    const receiptPath = `${path}/receipts/1`;
    const receiptData = await receiptLoader({
      request: await requestAs("usa@nonpaper.test", receiptPath),
      params: { consultationId: c.consultationId, revisionNumber: "1" },
      context,
    });
    const receiptHtml = await renderRoute(ReceiptPage, { url: `${BASE_URL}${receiptPath}`, loaderData: receiptData });
    // The receipt number in the heading and the facts, each isolated and unbreakable.
    expect(receiptHtml).toMatch(new RegExp(`<h1>[^<]*<bdi class="receipt-code" dir="ltr" translate="no">${receipt.receiptNumber}</bdi></h1>`));
    expect(receiptHtml).toContain(`<bdi class="receipt-code receipt-number" dir="ltr" translate="no">${receipt.receiptNumber}</bdi>`);

    // "version 1" is the secretariat's bookkeeping of a point's wording: a delegate reads
    // "text as circulated" on the editor and the receipt.
    for (const page of [editorHtml, receiptHtml]) {
      expect(page).not.toMatch(/\(version \d+/i);
      expect(page).not.toMatch(/version \d+\)/i);
    }
    expect(receiptHtml).toContain(en.t("submissions:revision.view.circulatedText"));
  });
});
