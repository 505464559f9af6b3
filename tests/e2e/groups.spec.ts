// Groups of States, joint submissions, alignment and clearance (issue 19), as the people do it: the
// secretariat names Egypt coordinator of the Group of African States for a new consultation; Egypt's
// head of delegation makes the mission require clearance; Egypt's drafter (Arabic interface) writes
// on behalf of the group and can only ask for clearance; the head of delegation clears and submits
// in one step, and the receipt names the group; Morocco, a member, aligns itself with the group's
// submission and gets a receipt, as does Jordan, which is not a member; the chair reads the
// attribution on the side-by-side view and the matrix; the secretariat closes the period and the
// CRP reads "Submitted by Egypt on behalf of the Group of African States".
//
// Clearance is the mission's own setting, for all its consultations (the demo leaves it off: other
// journeys write as Egypt): Karim Mansour switches it on here and off again once he has submitted.
import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import mammoth from "mammoth";
import { createCirculatedConsultation, expectAccessible, loginAs, signIn } from "./support";

const TITLE = "Discussion points on behalf of a group of States";
const PREFIX = "E2E-GRP";
const REASON = "The extended Bureau agreed, by silence procedure, to end the reflection period early.";
const GENERAL = "تؤكد مجموعة الدول الأفريقية أهمية المساعدة التقنية في تنفيذ الاتفاقية، ولا سيما في مجال التشريعات.";
const POINT_A = "تؤيد المجموعة النقطة (a) وتقترح تحديث السجلات التشريعية في بوابة شيرلوك بجميع اللغات الرسمية الست.";

// The Arabic interface's words, from the locale files (Nour, Karim, Youssef and Rania read Arabic).
type Dict = { [key: string]: string | Dict };
const locale = (language: string, namespace: string) => JSON.parse(readFileSync(`locales/${language}/${namespace}.json`, "utf8")) as Dict;
const AR = { submissions: locale("ar", "submissions"), consultations: locale("ar", "consultations") };
function ar(namespace: keyof typeof AR, key: string, values: Record<string, string | number> = {}): string {
  let value: string | Dict = AR[namespace];
  for (const part of key.split(".")) value = (value as Dict)[part]!;
  if (typeof value !== "string") throw new Error(`ar:${namespace}:${key} is not a string`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}
/** A translation with its placeholders left open ("Awaiting clearance: asked by …, …"). */
const arPattern = (namespace: keyof typeof AR, key: string) =>
  new RegExp(
    ar(namespace, key)
      .split(/\{\{\w+\}\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".+?"),
  );

// The names as the seed gives them (db/seed-data/groups.json, delegations.json).
const groups = JSON.parse(readFileSync("db/seed-data/groups.json", "utf8")) as { groups: { code: string; names: Record<string, string>; members: string[] }[] };
const AFRICAN = groups.groups.find((g) => g.code === "AFRICAN")!;
const GROUP_AR = AFRICAN.names.ar!;
const MEMBERS = AFRICAN.members.length;
const EGYPT_AR = "مصر";
const MOROCCO_AR = "المغرب";
/** "Egypt on behalf of the Group of African States", in Arabic, as receipts and the alignment page say it. */
const SPEAKER_AR = ar("submissions", "joint.speaker.onBehalf", { delegation: EGYPT_AR, group: GROUP_AR });
const SPEAKER_EN = `Egypt on behalf of the Group of African States (${MEMBERS} States)`;

const nav = (page: Page, name: string) =>
  page
    .getByRole("navigation", { name: new RegExp(`^(Pages of this consultation|${ar("consultations", "frame.nav")})$`) })
    .getByRole("link", { name, exact: true });

/** The value of a receipt's fact (`<dt>term</dt><dd>value</dd>`). */
const fact = (scope: Locator, term: string) =>
  scope
    .locator("dl > div")
    .filter({ has: scope.page().locator("dt").getByText(term, { exact: true }) })
    .locator("dd");

/** A new browser, signed in through the form (the Egyptian and Jordanian delegates are not among support's stored accounts). */
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** From the home page to the consultation, by its title. */
async function openConsultation(page: Page, consultation: string) {
  await page.goto("/");
  await page.getByRole("link", { name: TITLE }).first().click();
  await expect(page).toHaveURL(new RegExp(`${consultation}$`));
}

test("Egypt drafts on behalf of the African Group, its head of delegation clears and submits, Morocco and Jordan align, the chair and the CRP attribute every word", async ({
  page,
  browser,
}) => {
  // Five people, five sign-ins, eight axe runs and a compilation: 1.3 min alone; beside the other
  // worker's journeys each step is slower.
  test.setTimeout(240_000);

  // 1. The secretariat prepares and circulates the consultation, then names Egypt coordinator of the
  //    Group of African States on the consultation's Groups page.
  await loginAs(page, "secretariat");
  await page.goto("/");
  const consultation = await createCirculatedConsultation(page, {
    title: TITLE,
    prefix: PREFIX,
    delegations: "Egypt, Morocco, Tunisia and Jordan",
    registered: 4,
  });
  await page.goto(consultation);
  await nav(page, "Groups").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Groups");
  const african = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^Group of African States/ }) });
  await expect(african).toContainText(`3 of ${MEMBERS}`);
  await african.getByLabel("Coordinator of Group of African States").selectOption({ label: "Egypt" });
  await african.getByRole("button", { name: /^Save the coordinator/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "The coordinator has been saved." })).toBeVisible();
  await expect(african.getByLabel("Coordinator of Group of African States").locator("option:checked")).toHaveText("Egypt");
  await expectAccessible(page);

  // 2. Karim Mansour (Egypt's head of delegation, an approver) makes his mission require clearance,
  //    from his delegation's comments page.
  const karim = await signedIn(browser, "egypt2@nonpaper.test");
  await openConsultation(karim, consultation);
  await nav(karim, ar("consultations", "frame.pages.submission")).click();
  const karimClearance = karim.getByRole("region", { name: ar("submissions", "clearance.title") });
  await expect(karimClearance).toContainText(ar("submissions", "clearance.notRequired"));
  await karimClearance.getByRole("button", { name: ar("submissions", "clearance.setting.turnOn"), exact: true }).click();
  await expect(karim.getByRole("status").filter({ hasText: ar("submissions", "editor.notice.clearanceOn") })).toBeVisible();
  await expect(karimClearance).toContainText(ar("submissions", "clearance.requiredApprover"));

  // 3. Nour El-Sayed (Egypt's drafter) makes the submission speak for the group, writes, reviews,
  //    and cannot submit: she asks for clearance and sees that the text awaits it.
  const nour = await signedIn(browser, "egypt@nonpaper.test");
  await openConsultation(nour, consultation);
  await nav(nour, ar("consultations", "frame.pages.submission")).click();
  await nour.getByRole("link", { name: ar("submissions", "joint.link") }).click();
  await expect(nour.getByRole("heading", { level: 1 })).toHaveText(ar("submissions", "joint.title"));
  await expect(nour.getByText(ar("submissions", "joint.onBehalf.own"))).toBeVisible();
  await nour
    .getByLabel(ar("submissions", "joint.onBehalf.label"), { exact: true })
    .selectOption({ label: ar("submissions", "joint.onBehalf.groupChoice", { group: GROUP_AR, count: MEMBERS }) });
  await nour.getByRole("button", { name: ar("submissions", "joint.onBehalf.save"), exact: true }).click();
  await expect(nour.getByRole("status").filter({ hasText: ar("submissions", "joint.notices.onBehalf") })).toBeVisible();
  await expect(nour.getByText(ar("submissions", "joint.onBehalf.current", { group: GROUP_AR }))).toBeVisible();
  await expectAccessible(nour);

  await nour.getByRole("link", { name: ar("submissions", "receipt.backToEditor") }).click();
  await nour.waitForLoadState("networkidle");
  await expect(nour.getByText(ar("submissions", "joint.onBehalf.current", { group: GROUP_AR }))).toBeVisible();
  await expect(nour.getByRole("region", { name: ar("submissions", "clearance.title") })).toContainText(ar("submissions", "clearance.requiredDrafter"));
  await nour.getByLabel(ar("submissions", "editor.general")).first().fill(GENERAL);
  await nour.getByLabel(ar("submissions", "editor.comment", { label: "(a)" })).fill(POINT_A);
  await nour.getByLabel(ar("submissions", "editor.comment", { label: "(a)" })).blur();
  await expect(nour.getByRole("group", { name: ar("submissions", "autosave.label") })).toHaveClass(/autosave-status--saved/, { timeout: 15_000 });
  // A drafter of a mission that requires clearance reviews to ask for it, not to submit.
  await expect(nour.getByRole("button", { name: ar("submissions", "editor.review"), exact: true })).toHaveCount(0);
  await nour.getByRole("button", { name: ar("submissions", "clearance.editorReview"), exact: true }).click();
  await expect(nour.getByRole("heading", { level: 1 })).toHaveText(ar("submissions", "review.title", { delegation: EGYPT_AR }));
  await expect(nour.getByText(ar("submissions", "clearance.reviewIntro"))).toBeVisible();
  await expect(nour.getByText(POINT_A, { exact: true })).toBeVisible();
  await expect(nour.getByRole("button", { name: ar("submissions", "review.submit") })).toHaveCount(0);
  await expect(nour.getByRole("button", { name: ar("submissions", "clearance.clearAndSubmit") })).toHaveCount(0);
  await nour.getByRole("button", { name: ar("submissions", "clearance.ask"), exact: true }).click();
  await expect(nour.getByRole("status").filter({ hasText: ar("submissions", "editor.notice.clearanceRequested") })).toBeVisible();
  const nourClearance = nour.getByRole("region", { name: ar("submissions", "clearance.title") });
  await expect(nourClearance).toContainText(arPattern("submissions", "clearance.awaiting"));
  await expect(nourClearance).toContainText("Nour El-Sayed");
  await nour.context().close();

  // 4. Karim reviews the exact text, then clears and submits it in one step; the receipt names the group.
  await karim.reload();
  await karim.waitForLoadState("networkidle");
  await expect(karimClearance).toContainText(arPattern("submissions", "clearance.awaitingApprover"));
  await expect(karimClearance).toContainText("Nour El-Sayed");
  await karim.getByRole("button", { name: ar("submissions", "editor.review"), exact: true }).click();
  await expect(karim.getByRole("heading", { level: 1 })).toHaveText(ar("submissions", "review.title", { delegation: EGYPT_AR }));
  const sent = karim.getByRole("region", { name: ar("submissions", "review.contentTitle") });
  await expect(sent.getByText(GENERAL, { exact: true })).toBeVisible();
  await expect(sent.getByText(POINT_A, { exact: true })).toBeVisible();
  await expect(karim.getByText(ar("submissions", "clearance.clearNote"))).toBeVisible();
  await expectAccessible(karim);
  await karim.getByRole("button", { name: ar("submissions", "clearance.clearAndSubmit"), exact: true }).click();
  await expect(karim.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^${ar("submissions", "receipt.title", { receipt: `${PREFIX}-EGY-\\d{4}` })}$`));
  const receiptFacts = karim.getByRole("region", { name: ar("submissions", "receipt.factsTitle"), exact: true });
  await expect(fact(receiptFacts, ar("submissions", "receipt.facts.delegation"))).toHaveText(SPEAKER_AR);
  await expect(fact(receiptFacts, ar("submissions", "joint.facts.members"))).toHaveText(String(MEMBERS));
  await expect(fact(receiptFacts, ar("submissions", "receipt.facts.submittedBy"))).toHaveText("Karim Mansour");
  // Every character as typed, in the receipt.
  const submitted = karim.getByRole("region", { name: ar("submissions", "receipt.contentTitle") });
  await expect(submitted.getByText(GENERAL, { exact: true })).toBeVisible();
  await expect(submitted.getByText(POINT_A, { exact: true })).toBeVisible();
  await expectAccessible(karim);
  // The mission as the demo has it again: no clearance required.
  await karim.getByRole("link", { name: ar("submissions", "receipt.backToEditor") }).click();
  await karimClearance.getByRole("button", { name: ar("submissions", "clearance.setting.turnOff"), exact: true }).click();
  await expect(karim.getByRole("status").filter({ hasText: ar("submissions", "editor.notice.clearanceOff") })).toBeVisible();
  await karim.context().close();

  // 5. Youssef Benali (Morocco, a member of the group) aligns Morocco with the group's submission and
  //    reads the alignment's receipt; Rania Al-Khatib aligns Jordan, which is not a member.
  const youssef = await (await browser.newContext()).newPage();
  await loginAs(youssef, "morocco");
  await openConsultation(youssef, consultation);
  await nav(youssef, ar("consultations", "frame.pages.alignments")).click();
  await expect(youssef.getByRole("heading", { level: 1 })).toHaveText(ar("submissions", "alignment.title"));
  const egyptForMorocco = youssef.getByRole("row").filter({ hasText: SPEAKER_AR }).first();
  await expect(egyptForMorocco).toContainText(ar("submissions", "alignment.relation.member"));
  await expect(egyptForMorocco).toContainText(String(MEMBERS));
  await egyptForMorocco.getByRole("button", { name: new RegExp(`^${ar("submissions", "alignment.align")}`) }).click();
  await expect(youssef.getByRole("status").filter({ hasText: arPattern("submissions", "alignment.notices.aligned") })).toBeVisible();
  await expect(youssef.getByRole("row").filter({ hasText: SPEAKER_AR }).first()).toContainText(ar("submissions", "alignment.relation.aligned"));
  await expectAccessible(youssef);
  const receiptLink = youssef
    .getByRole("region", { name: ar("submissions", "alignment.receipts.title") })
    .getByRole("link")
    .first();
  const alignmentReceipt = (await receiptLink.innerText()).trim();
  expect(alignmentReceipt).toMatch(new RegExp(`^${PREFIX}-`));
  await receiptLink.click();
  await expect(youssef.getByRole("heading", { level: 1 })).toHaveText(ar("submissions", "alignment.receipt.title", { receipt: alignmentReceipt }));
  await expect(youssef.getByText(ar("submissions", "alignment.receipt.statement", { delegation: MOROCCO_AR, speaker: SPEAKER_AR }))).toBeVisible();
  const alignmentFacts = youssef.getByRole("region", { name: ar("submissions", "receipt.factsTitle"), exact: true });
  await expect(fact(alignmentFacts, ar("submissions", "receipt.facts.delegation"))).toHaveText(MOROCCO_AR);
  await expect(fact(alignmentFacts, ar("submissions", "alignment.receipt.with"))).toHaveText(SPEAKER_AR);
  await expect(fact(alignmentFacts, ar("submissions", "alignment.receipt.by"))).toHaveText("Youssef Benali");
  await expectAccessible(youssef);
  await youssef.context().close();

  const rania = await signedIn(browser, "jordan@nonpaper.test");
  await openConsultation(rania, consultation);
  await nav(rania, ar("consultations", "frame.pages.alignments")).click();
  const egyptForJordan = rania.getByRole("row").filter({ hasText: SPEAKER_AR }).first();
  await expect(egyptForJordan).not.toContainText(ar("submissions", "alignment.relation.member"));
  await egyptForJordan.getByRole("button", { name: new RegExp(`^${ar("submissions", "alignment.align")}`) }).click();
  await expect(rania.getByRole("status").filter({ hasText: arPattern("submissions", "alignment.notices.aligned") })).toBeVisible();
  await rania.context().close();

  // 6. The chair reads the attribution on the side-by-side view, the members on demand, the aligned
  //    States; and the matrix's marks: said it, through its group, aligned with it.
  const chair = await (await browser.newContext()).newPage();
  await loginAs(chair, "chair");
  await openConsultation(chair, consultation);
  await nav(chair, "Side by side").click();
  const pointA = chair.getByRole("region", { name: "Point (a)" });
  const egyptOnA = pointA.getByRole("article", { name: SPEAKER_EN });
  await expect(egyptOnA).toBeVisible();
  await expect(egyptOnA.getByText(POINT_A, { exact: true })).toBeVisible();
  await expect(egyptOnA).toContainText("Aligned with this submission: Jordan and Morocco");
  const members = egyptOnA.locator(".sbs-members__list");
  await expect(members).toBeHidden();
  await egyptOnA.getByText("Members of the Group of African States", { exact: true }).click();
  await expect(members).toBeVisible();
  for (const name of ["Egypt", "Morocco", "Tunisia", "Algeria", "Zimbabwe"]) await expect(members).toContainText(name);
  await expect(members).not.toContainText("Jordan");
  await expectAccessible(chair);

  await nav(chair, "Matrix").click();
  await expect(chair.getByRole("heading", { level: 1 })).toHaveText("Matrix of comments");
  const legend = chair.getByRole("region", { name: "Legend" });
  await expect(legend).toContainText("through its group or as a co-sponsor");
  await expect(legend).toContainText("aligned itself with a submission");
  // Point (a) is the first column, (b) the second. Morocco, a member that also aligned itself, is
  // counted once, through its group; Jordan, aligned only, has the mark of an alignment.
  const cell = (delegation: string, column: number) =>
    chair
      .getByRole("row")
      .filter({ has: chair.getByRole("rowheader", { name: delegation, exact: true }) })
      .getByRole("cell")
      .nth(column);
  await expect(chair.getByRole("columnheader").filter({ hasText: /^\(a\)$/ })).toHaveCount(1);
  await expect(cell("Egypt", 0).getByRole("link", { name: "commented", exact: true })).toHaveClass("c");
  await expect(cell("Morocco", 0).getByRole("link", { name: "through its group or as a co-sponsor", exact: true })).toHaveClass("j");
  await expect(cell("Tunisia", 0).getByRole("link", { name: "through its group or as a co-sponsor", exact: true })).toHaveClass("j");
  await expect(cell("Jordan", 0).getByRole("link", { name: "aligned itself with a submission", exact: true })).toHaveClass("l");
  await expect(cell("Morocco", 1)).toHaveText("no comment");
  await expectAccessible(chair);
  // Morocco's mark leads to the entry that speaks for it: Egypt's, on behalf of the group.
  await cell("Morocco", 0).getByRole("link").click();
  await expect(chair.getByRole("region", { name: "Point (a)" }).getByRole("article", { name: SPEAKER_EN })).toBeVisible();
  await chair.context().close();

  // 7. The secretariat closes the period and compiles the CRP, which uses the UN's phrasing.
  await page.goto(consultation);
  await nav(page, "Closing").click();
  await page.getByLabel("I confirm that the reflection period is to be closed now.").check();
  await page.getByLabel("Reason for closing before the deadline").fill(REASON);
  await page.getByRole("button", { name: "Close the reflection period" }).click();
  await expect(page.getByRole("status")).toContainText("The reflection period is closed.");
  await nav(page, "CRP").click();
  await page.getByRole("button", { name: "Compile a draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Version 1 has been compiled." })).toBeVisible();
  const heading = "Submitted by Egypt on behalf of the Group of African States";
  const alignment = "The following States aligned themselves with the submission: Jordan and Morocco.";
  const commenters = "Egypt (on behalf of the Group of African States)";
  const preview = page.getByRole("region", { name: "Preview of the current data" }).getByRole("article");
  await expect(preview.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  await expect(preview.getByText(alignment, { exact: true })).toBeVisible();
  await expect(preview).toContainText(`written comments had been received from the following State party: ${commenters}.`);
  await expect(preview).toContainText(POINT_A);

  const versions = page.getByRole("table", { name: "Versions" });
  const [markdown] = await Promise.all([page.waitForEvent("download"), versions.getByRole("link", { name: "Text (Markdown) of version 1" }).click()]);
  const text = readFileSync((await markdown.path())!, "utf8");
  expect(text).toContain(`#### ${heading}\n`);
  expect(text).toContain(`\n${alignment}\n`);
  expect(text).toContain(`from the following State party: ${commenters}.`);
  expect(text).toContain(POINT_A);
  const [word] = await Promise.all([page.waitForEvent("download"), versions.getByRole("link", { name: "Word of version 1" }).click()]);
  const { value: document } = await mammoth.extractRawText({ path: (await word.path())! });
  expect(document).toContain(heading);
  expect(document).toContain(alignment);
  expect(document).toContain(commenters);
});
