// The authorization matrix (issue 17): every route module of app/routes, its loader and each intent
// of its action, against every kind of reader, with the answer each must get. Run against the
// production build by tests/unit/authorization-matrix.test.ts, one test per cell; a route module
// without a row here fails that suite, so that no new page can forget its check.
//
// THE RULE, one for every route (the expected answers below follow it; where a route answered
// otherwise, its guard was changed to match, not the table):
//   1. Signed out (no session, an expired one, or the account disabled since): a redirect to the
//      sign-in page, which comes back here (JSON endpoints: 401, so that the editor keeps its text).
//   2. A page that only some roles may ever use (the secretariat's pages; the side-by-side view, the
//      matrix, the CRP and their files, which the secretariat and the chairs use): 403 to the other
//      roles, decided before the consultation is looked up, so the same for any id: it reveals nothing.
//   3. A consultation the reader may not open (another's, an unregistered delegation's, a draft for
//      anyone but the secretariat, or no such id): 404, the same answer as a consultation that does
//      not exist.
//   4. What belongs to one delegation (its submission, draft, receipts and revisions, a comment and its
//      translation): 404 to everyone not entitled to it, whatever their role, so that nothing confirms
//      that it exists. A delegate's own pages (/submission…) are their own delegation's, never another's.
//   5. A reader who may see something but not change it (a chair on the CRP's forms, a point's
//      wording, a comment's translation): 403.
//   6. Otherwise the reader is let past the guard: a page (200), or for a form the action's own answer
//      ("allowed": 200, a 400 with the form's errors, a 409 for the wrong stage, or its redirect).
// The secretariat may open every consultation, drafts included (mayOpenConsultation): it prepares
// them, so a draft's side-by-side view, matrix and CRP open for it by address (empty); the chairs and
// delegations see a consultation only once it is circulated (the DRAFT_CELLS below).
//
// Actions are posted with fields that fail validation after the guard (or at a stage that refuses
// them), so that no cell changes what another cell reads; the few that cannot (withdrawing the
// submission, signing out) run last.

export const READERS = [
  "anonymous",
  "delegate", // of a delegation registered for the consultation, which has submitted (PER)
  "otherDelegate", // of another registered delegation, which has not submitted (EGY)
  "unregisteredDelegate", // of a delegation not registered for the consultation (ISL)
  "chair", // of this consultation
  "otherChair", // of another consultation only
  "secretariat",
  "disabled", // signed in as a delegate of PER, then the account was disabled
] as const;
export type ReaderKind = (typeof READERS)[number];

/**
 * What a reader gets: "page" (GET, 200), "allowed" (POST past the guard: 200, 4xx from the form or
 * the stage, or the action's redirect), "login" (a redirect to the sign-in page), a refusal's status,
 * or another redirect where that is the route's answer to everyone ("redirect:/path").
 */
export type Outcome = "page" | "allowed" | "login" | 401 | 403 | 404 | 405 | `redirect:${string}`;
export type Expected = Record<ReaderKind, Outcome>;

/** Real ids from the test's database, and each reader's user id. */
export type Fixtures = {
  consultationId: string;
  consultationTitle: string;
  draftConsultationId: string;
  meetingId: string;
  agendaItemId: string;
  pointId: string;
  /** A comment of PER's submitted revision, in Spanish, with a translation. */
  commentId: string;
  /** An original kept by the secretariat's import page. */
  attachmentId: string;
  /** PER's submitted revision. */
  revision: { code: string; number: number };
  /** A compiled CRP version's file. */
  crpFile: string;
  invitationToken: string;
  resetToken: string;
  /** A standing group of States (the Group of African States). */
  groupId: string;
  userIds: Record<ReaderKind, string | null>;
};

export type Probe = { path: (f: Fixtures) => string; expect: Expected };
export type ActionProbe = Probe & {
  /** The form posted (url-encoded), with its intent; garbage where that stops after the guard. */
  body: (f: Fixtures, reader: ReaderKind) => Record<string, string>;
  /** "late": changes data other cells read (after every other cell); "final": ends the session. */
  phase?: "late" | "final";
  /** A JSON endpoint (the editor's background calls). */
  json?: boolean;
};
/** A route module: its loader (a GET of its address), and its action by intent ("form" when it has one). */
export type Row = { get: Probe; post?: Record<string, ActionProbe> };

// ---------------------------------------------------------------------------------------------
// The kinds of answer, by who may

const all = (outcome: Outcome): Expected => ({
  anonymous: outcome,
  delegate: outcome,
  otherDelegate: outcome,
  unregisteredDelegate: outcome,
  chair: outcome,
  otherChair: outcome,
  secretariat: outcome,
  disabled: outcome,
});

/** Rule 1, then `outcome` for anyone signed in. */
const signedIn = (outcome: Outcome): Expected => ({ ...all(outcome), anonymous: "login", disabled: "login" });

/** Rule 2: the secretariat's pages. */
const secretariatOnly = (outcome: Outcome): Expected => ({ ...signedIn(403), secretariat: outcome });

/** Rules 2 and 3: the pages of the comments (the secretariat and this consultation's chairs). */
const commentReaders = (outcome: Outcome, delegates: 403 | 404 = 403): Expected => ({
  ...signedIn(delegates),
  chair: outcome,
  otherChair: 404,
  secretariat: outcome,
});

/** Rule 3: whoever may open the consultation (the registered delegations, its chairs, the secretariat). */
const participants = (outcome: Outcome): Expected => ({ ...signedIn(outcome), unregisteredDelegate: 404, otherChair: 404 });

/** Rule 4: the delegation's own pages, for its delegates (`others`: a registered delegation that has nothing there). */
const ownDelegation = (outcome: Outcome, others: Outcome = outcome, signedOut: Outcome = "login"): Expected => ({
  ...all(404),
  anonymous: signedOut,
  disabled: signedOut,
  delegate: outcome,
  otherDelegate: others,
});

const form =
  (intent: string, fields: Record<string, string> = {}) =>
  () => ({ intent, ...fields });
const C = (f: Fixtures) => `/consultations/${f.consultationId}`;
/** An intent of a secretariat-only action, posted with fields that fail its validation. */
const secretariatIntent = (path: (f: Fixtures) => string, intent: string, fields: Record<string, string> = {}): ActionProbe => ({
  path,
  body: form(intent, fields),
  expect: secretariatOnly("allowed"),
});
const NOT_A_UUID = "not-a-uuid";
/** A draft version nobody has: PER's draft is not overwritten (409), EGY's empty one is not created. */
const STALE_DRAFT = "999999";
/** An empty submission in Spanish: valid, so that the answer is the guard's, not the form's. */
const EMPTY_DRAFT = { language: "es", draftVersion: STALE_DRAFT };

// ---------------------------------------------------------------------------------------------
// The table: one row per route module, keyed by its file under app/routes

export const MATRIX: Record<string, Row> = {
  "$.tsx": { get: { path: () => "/no-such-page", expect: all(404) } },
  "_index.tsx": { get: { path: () => "/", expect: signedIn("page") } },
  "healthz.tsx": { get: { path: () => "/healthz", expect: all("page") } },
  "locales.$language.ts": { get: { path: () => "/locales/fr", expect: all("page") } },
  "language.tsx": {
    get: { path: () => "/language", expect: all("redirect:/") },
    post: { form: { path: () => "/language", body: () => ({ language: "xx" }), expect: all("allowed") } },
  },

  // Signing in, out, and one's own account
  "login.tsx": {
    get: { path: () => "/login", expect: { ...all("redirect:/"), anonymous: "page", disabled: "page" } },
    // After the action, the page's loader sends whoever is signed in home.
    post: {
      form: {
        path: () => "/login",
        body: () => ({ email: "not-an-address", password: "" }),
        expect: { ...all("redirect:/"), anonymous: "allowed", disabled: "allowed" },
      },
    },
  },
  "login_.two-factor.tsx": {
    // Only a pending sign-in (the password proved minutes ago) reaches it: no reader here has one.
    get: { path: () => "/login/two-factor", expect: { ...all("redirect:/"), anonymous: "login", disabled: "login" } },
    post: {
      // Refused (401, no pending sign-in), then the page's loader redirects as for a GET.
      totp: {
        path: () => "/login/two-factor",
        body: form("totp", { code: "000000" }),
        expect: { ...all("redirect:/"), anonymous: "login", disabled: "login" },
      },
      recovery: {
        path: () => "/login/two-factor",
        body: form("recovery", { code: "0000-0000" }),
        expect: { ...all("redirect:/"), anonymous: "login", disabled: "login" },
      },
    },
  },
  "login_.two-factor_.setup.tsx": {
    get: { path: () => "/login/two-factor/setup", expect: { ...all("redirect:/"), anonymous: "login", disabled: "login" } },
    post: {
      start: { path: () => "/login/two-factor/setup", body: form("start"), expect: all("redirect:/login/two-factor/setup") },
      confirm: { path: () => "/login/two-factor/setup", body: form("confirm", { code: "000000" }), expect: all("redirect:/login/two-factor/setup") },
      finish: { path: () => "/login/two-factor/setup", body: form("finish"), expect: all("redirect:/login/two-factor/setup") },
    },
  },
  "logout.tsx": {
    get: { path: () => "/logout", expect: all("redirect:/") },
    // Signing out ends the session every other cell uses: the very last cells.
    post: { form: { path: () => "/logout", body: () => ({}), expect: all("login"), phase: "final" } },
  },
  "password-reset.tsx": {
    get: { path: () => "/password-reset", expect: all("page") },
    post: { form: { path: () => "/password-reset", body: () => ({ email: "not-an-address" }), expect: all("allowed") } },
  },
  "password-reset_.$token.tsx": {
    get: { path: (f) => `/password-reset/${f.resetToken}`, expect: all("page") },
    post: { form: { path: (f) => `/password-reset/${f.resetToken}`, body: () => ({ newPassword: "x" }), expect: all("allowed") } },
  },
  "invitations.$token.tsx": {
    // Public: whoever holds the link may see whom it invites.
    get: { path: (f) => `/invitations/${f.invitationToken}`, expect: all("page") },
    post: { form: { path: (f) => `/invitations/${f.invitationToken}`, body: () => ({ name: "" }), expect: all("allowed") } },
  },
  "account.tsx": {
    get: { path: () => "/account", expect: signedIn("page") },
    post: {
      "change-password": { path: () => "/account", body: form("change-password", { currentPassword: "" }), expect: signedIn("allowed") },
      "revoke-session": { path: () => "/account", body: form("revoke-session", { sessionId: NOT_A_UUID }), expect: signedIn("allowed") },
      "revoke-others": { path: () => "/account", body: form("revoke-others"), expect: signedIn("allowed") },
    },
  },
  "account_.two-factor.tsx": {
    get: { path: () => "/account/two-factor", expect: signedIn("page") },
    post: {
      start: { path: () => "/account/two-factor", body: form("start"), expect: signedIn("allowed") },
      cancel: { path: () => "/account/two-factor", body: form("cancel"), expect: signedIn("allowed") },
      confirm: { path: () => "/account/two-factor", body: form("confirm", { code: "x" }), expect: signedIn("allowed") },
      regenerate: { path: () => "/account/two-factor", body: form("regenerate", { code: "x" }), expect: signedIn("allowed") },
      disable: { path: () => "/account/two-factor", body: form("disable", { code: "x" }), expect: signedIn("allowed") },
    },
  },

  // The secretariat's pages outside a consultation
  "users.tsx": {
    get: { path: () => "/users", expect: secretariatOnly("page") },
    post: {
      disable: secretariatIntent(() => "/users", "disable", { userId: NOT_A_UUID }),
      enable: secretariatIntent(() => "/users", "enable", { userId: NOT_A_UUID }),
      // Clearance inside a mission (issue 19): a delegate's approver role, a mission's setting.
      "set-approver": secretariatIntent(() => "/users", "set-approver", { userId: NOT_A_UUID, approver: "on" }),
      "set-clearance": secretariatIntent(() => "/users", "set-clearance", { delegationId: NOT_A_UUID, required: "on" }),
    },
  },
  "groups._index.tsx": {
    get: { path: () => "/groups", expect: secretariatOnly("page") },
    // No name: the form's 400.
    post: { create: secretariatIntent(() => "/groups", "create") },
  },
  "groups.$groupId.tsx": {
    get: { path: (f) => `/groups/${f.groupId}`, expect: secretariatOnly("page") },
    post: { save: secretariatIntent((f) => `/groups/${f.groupId}`, "save") },
  },
  "outbox.tsx": {
    get: { path: () => "/outbox", expect: secretariatOnly("page") },
    post: { retry: secretariatIntent(() => "/outbox", "retry") },
  },
  "outbox_.reset-link.tsx": {
    get: { path: () => "/outbox/reset-link", expect: secretariatOnly("page") },
    post: { form: { path: () => "/outbox/reset-link", body: () => ({ messageId: NOT_A_UUID }), expect: secretariatOnly("allowed") } },
  },
  "archive.import.tsx": {
    get: { path: () => "/archive/import", expect: secretariatOnly("page") },
    // No file: refused with "noFile" after the guard.
    post: {
      preview: secretariatIntent(() => "/archive/import", "preview"),
      confirm: secretariatIntent(() => "/archive/import", "confirm", { confirmation: "x" }),
    },
  },
  "meetings.new.tsx": {
    get: { path: () => "/meetings/new", expect: secretariatOnly("page") },
    post: { form: { path: () => "/meetings/new", body: () => ({ body: "" }), expect: secretariatOnly("allowed") } },
  },
  "meetings.$meetingId.edit.tsx": {
    get: { path: (f) => `/meetings/${f.meetingId}/edit`, expect: secretariatOnly("page") },
    post: { form: { path: (f) => `/meetings/${f.meetingId}/edit`, body: () => ({ body: "" }), expect: secretariatOnly("allowed") } },
  },
  "consultations.new.tsx": {
    get: { path: () => "/consultations/new", expect: secretariatOnly("page") },
    post: { form: { path: () => "/consultations/new", body: () => ({ title: "" }), expect: secretariatOnly("allowed") } },
  },

  // A consultation: what its participants read
  "consultations.$consultationId.tsx": {
    // The frame alone (its loader, by Remix's data request): every signed-in reader gets an answer,
    // with no frame (and so no title) for one who may not open the consultation; the page's own
    // guard decides the status.
    get: { path: (f) => `${C(f)}.data?_routes=${encodeURIComponent("routes/consultations.$consultationId")}`, expect: signedIn("page") },
  },
  "consultations.$consultationId._index.tsx": { get: { path: C, expect: participants("page") } },
  "consultations.$consultationId.non-paper.tsx": { get: { path: (f) => `${C(f)}/non-paper`, expect: participants("page") } },
  "consultations.$consultationId_.non-paper[.]docx.ts": { get: { path: (f) => `${C(f)}/non-paper.docx`, expect: participants("page") } },
  "consultations.$consultationId_.non-paper[.]pdf.ts": { get: { path: (f) => `${C(f)}/non-paper.pdf`, expect: participants("page") } },

  // A delegation's own submission (rule 4)
  "consultations.$consultationId.submission.tsx": {
    get: { path: (f) => `${C(f)}/submission`, expect: ownDelegation("page") },
    post: {
      // PER's draft is not overwritten (409), EGY's empty one goes to the review; the others: 404.
      review: { path: (f) => `${C(f)}/submission`, body: form("review", EMPTY_DRAFT), expect: ownDelegation("allowed") },
      // Withdraws PER's submission: after every cell that reads it.
      withdraw: { path: (f) => `${C(f)}/submission`, body: form("withdraw"), expect: ownDelegation("allowed"), phase: "late" },
      // An approver switches the mission's clearance (issue 19); a value no button sends: the form's 400.
      "set-clearance": { path: (f) => `${C(f)}/submission`, body: form("set-clearance", { required: "maybe" }), expect: ownDelegation("allowed") },
    },
  },
  "consultations.$consultationId.submission_.review.tsx": {
    get: { path: (f) => `${C(f)}/submission/review`, expect: ownDelegation("page") },
    post: {
      submit: {
        path: (f) => `${C(f)}/submission/review`,
        body: form("submit", { draftVersion: STALE_DRAFT, idempotencyKey: "5f0e9a51-2b1c-4e0e-9d53-6f3f4b0b7c11" }),
        expect: ownDelegation("allowed"),
      },
      // Asking the mission's approvers for clearance (issue 19): a version nobody has, sent back to the editor.
      "request-clearance": {
        path: (f) => `${C(f)}/submission/review`,
        body: form("request-clearance", { draftVersion: STALE_DRAFT }),
        expect: ownDelegation("allowed"),
      },
    },
  },
  // What became of the delegation's comments: its own (unpublished, the page says so).
  "consultations.$consultationId.submission_.dispositions.tsx": { get: { path: (f) => `${C(f)}/submission/dispositions`, expect: ownDelegation("page") } },
  "consultations.$consultationId.submission_.receipts.$revisionNumber.tsx": {
    // PER's revision 1; EGY has none of its own by that number.
    get: { path: (f) => `${C(f)}/submission/receipts/${f.revision.number}`, expect: ownDelegation("page", 404) },
  },
  "consultations.$consultationId_.submission_.draft.ts": {
    get: { path: (f) => `${C(f)}/submission/draft`, expect: all(405) },
    post: {
      "save-draft": {
        path: (f) => `${C(f)}/submission/draft`,
        body: (f, reader) => ({ intent: "save-draft", userId: f.userIds[reader] ?? "", ...EMPTY_DRAFT }),
        expect: ownDelegation("allowed", "allowed", 401),
        json: true,
      },
    },
  },
  "consultations.$consultationId_.submission_.presence.ts": {
    get: { path: (f) => `${C(f)}/submission/presence`, expect: all(405) },
    post: {
      open: { path: (f) => `${C(f)}/submission/presence`, body: form("open"), expect: ownDelegation("allowed", "allowed", 401), json: true },
      close: { path: (f) => `${C(f)}/submission/presence`, body: form("close"), expect: ownDelegation("allowed", "allowed", 401), json: true },
    },
  },
  // Its submission on behalf of a group, its co-sponsors and its alignments (issue 19): the
  // delegation's own (rule 4). The forms name no real id: the form's 400 after the guard.
  "consultations.$consultationId.submission_.joint.tsx": {
    get: { path: (f) => `${C(f)}/submission/joint`, expect: ownDelegation("page") },
    post: Object.fromEntries(
      (
        [
          ["on-behalf", { groupId: NOT_A_UUID }],
          ["invite", { delegationId: NOT_A_UUID }],
          ["remove", { delegationId: NOT_A_UUID }],
          ["confirm", { submissionId: NOT_A_UUID }],
          ["decline", { submissionId: NOT_A_UUID }],
          ["withdraw", { submissionId: NOT_A_UUID }],
        ] as const
      ).map(([intent, fields]) => [
        intent,
        { path: (f: Fixtures) => `${C(f)}/submission/joint`, body: form(intent, fields), expect: ownDelegation("allowed") },
      ]),
    ),
  },
  "consultations.$consultationId.alignments.tsx": {
    get: { path: (f) => `${C(f)}/alignments`, expect: ownDelegation("page") },
    post: Object.fromEntries(
      ["align", "withdraw"].map((intent) => [
        intent,
        { path: (f: Fixtures) => `${C(f)}/alignments`, body: form(intent, { submissionId: NOT_A_UUID }), expect: ownDelegation("allowed") },
      ]),
    ),
  },
  // The demo has no alignment: a receipt number nobody holds answers 404 to everyone, as another
  // delegation's does.
  "consultations.$consultationId.alignments_.$receiptNumber.tsx": {
    get: { path: (f) => `${C(f)}/alignments/CTOC-2020-PER-9999`, expect: ownDelegation(404, 404) },
  },
  // The mission's delegates (issue 19): every delegate of a registered delegation reads its own;
  // only the mission's focal point changes anything. The demo names no focal point: both
  // registered delegations' delegates may see, not change (rule 5), before the form is read.
  "consultations.$consultationId.mission.tsx": {
    get: { path: (f) => `${C(f)}/mission`, expect: ownDelegation("page") },
    post: Object.fromEntries(
      (
        [
          ["invite", { email: "" }],
          ["withdraw", { invitationId: NOT_A_UUID }],
          ["remove", { userId: NOT_A_UUID }],
        ] as const
      ).map(([intent, fields]) => [intent, { path: (f: Fixtures) => `${C(f)}/mission`, body: form(intent, fields), expect: ownDelegation(403) }]),
    ),
  },

  // The comments: the secretariat and this consultation's chairs (rules 2 and 3)
  "consultations.$consultationId.side-by-side/route.tsx": {
    get: { path: (f) => `${C(f)}/side-by-side`, expect: commentReaders("page") },
    post: {
      review: { path: (f) => `${C(f)}/side-by-side`, body: form("review", { commentId: NOT_A_UUID }), expect: commentReaders("allowed") },
      // A real comment, a disposition that does not exist: refused (400) after the guard.
      disposition: {
        path: (f) => `${C(f)}/side-by-side`,
        body: (f) => ({ intent: "disposition", commentId: f.commentId, disposition: "no-such-disposition" }),
        expect: commentReaders("allowed"),
      },
      // Showing the dispositions to delegations is the secretariat's decision: a chair may see, not change (rule 5).
      publication: {
        path: (f) => `${C(f)}/side-by-side`,
        body: form("publication", { publish: "maybe" }),
        expect: { ...commentReaders("allowed"), chair: 403 },
      },
    },
  },
  // The Chair's revised text of a later round. The demo consultation is a first round: past the
  // guard, no revised text (404); its changes are the secretariat's alone (a chair may read, rule 5).
  "consultations.$consultationId.revision/route.tsx": {
    get: { path: (f) => `${C(f)}/revision`, expect: commentReaders(404) },
    post: Object.fromEntries(
      (
        [
          ["start", {}],
          ["wording", { pointId: NOT_A_UUID }],
          ["apply", { pointId: NOT_A_UUID }],
          ["answer", { pointId: NOT_A_UUID }],
          ["merge", { pointId: NOT_A_UUID }],
          ["split", { pointId: NOT_A_UUID }],
          ["relabel", { pointId: NOT_A_UUID }],
          ["delete", { pointId: NOT_A_UUID }],
        ] as const
      ).map(([intent, fields]) => [intent, secretariatIntent((f) => `${C(f)}/revision`, intent, fields)]),
    ),
  },
  "consultations.$consultationId.matrix.tsx": { get: { path: (f) => `${C(f)}/matrix`, expect: commentReaders("page") } },
  "consultations.$consultationId_.exports.$file.ts": { get: { path: (f) => `${C(f)}/exports/matrix.xlsx`, expect: commentReaders("page") } },
  // The comment-resolution table back from Excel: whoever may record dispositions on the side-by-side.
  "consultations.$consultationId.dispositions_.import.tsx": {
    get: { path: (f) => `${C(f)}/dispositions/import`, expect: commentReaders("page") },
    post: {
      // No file: refused (400) after the guard.
      preview: { path: (f) => `${C(f)}/dispositions/import`, body: form("preview"), expect: commentReaders("allowed") },
      // The changes' fields out of step: refused (400) after the guard, nothing saved.
      confirm: { path: (f) => `${C(f)}/dispositions/import`, body: form("confirm", { row: "1" }), expect: commentReaders("allowed") },
    },
  },
  "consultations.$consultationId.crp.tsx": {
    get: { path: (f) => `${C(f)}/crp`, expect: commentReaders("page") },
    post: {
      draft: { path: (f) => `${C(f)}/crp`, body: form("draft", { expectedLatestVersion: "x" }), expect: secretariatOnly("allowed") },
      final: { path: (f) => `${C(f)}/crp`, body: form("final", { expectedLatestVersion: "x" }), expect: secretariatOnly("allowed") },
      paragraph: { path: (f) => `${C(f)}/crp`, body: form("paragraph", { key: "no-such-paragraph" }), expect: secretariatOnly("allowed") },
      introduction: { path: (f) => `${C(f)}/crp`, body: form("introduction", { introductionNote: "x".repeat(100_001) }), expect: secretariatOnly("allowed") },
    },
  },
  "consultations.$consultationId_.crp_.$file.ts": { get: { path: (f) => `${C(f)}/crp/${f.crpFile}`, expect: commentReaders("page") } },
  "consultations.$consultationId.points.$pointId.tsx": {
    get: { path: (f) => `${C(f)}/points/${f.pointId}`, expect: commentReaders("page") },
    post: { revise: { path: (f) => `${C(f)}/points/${f.pointId}`, body: () => ({ text: "" }), expect: secretariatOnly("allowed") } },
  },
  // A delegation's revision and a comment's translation: also rule 4 (404 to delegates).
  "consultations.$consultationId.submissions_.$delegationCode.$revisionNumber.tsx": {
    get: { path: (f) => `${C(f)}/submissions/${f.revision.code}/${f.revision.number}`, expect: commentReaders("page", 404) },
  },
  "consultations.$consultationId.translations_.$commentId.tsx": {
    get: { path: (f) => `${C(f)}/translations/${f.commentId}`, expect: commentReaders("page", 404) },
    post: Object.fromEntries(
      ["draft", "final", "suggest"].map((intent) => [
        intent,
        {
          path: (f: Fixtures) => `${C(f)}/translations/${f.commentId}`,
          body: form(intent, { expectedVersion: "x" }),
          // A chair reads the translation but may not write it (403); the others never see the comment.
          expect: { ...commentReaders("allowed", 404), chair: 403 },
        },
      ]),
    ),
  },

  // The secretariat's pages of a consultation (rule 2)
  "consultations.$consultationId.edit.tsx": {
    get: { path: (f) => `${C(f)}/edit`, expect: secretariatOnly("page") },
    post: { form: { path: (f) => `${C(f)}/edit`, body: () => ({ title: "" }), expect: secretariatOnly("allowed") } },
  },
  "consultations.$consultationId.audit.tsx": { get: { path: (f) => `${C(f)}/audit`, expect: secretariatOnly("page") } },
  "consultations.$consultationId_.audit[.]csv.ts": { get: { path: (f) => `${C(f)}/audit.csv`, expect: secretariatOnly("page") } },
  "consultations.$consultationId_.archive[.]json.ts": { get: { path: (f) => `${C(f)}/archive.json`, expect: secretariatOnly("page") } },
  "consultations.$consultationId.translations.tsx": { get: { path: (f) => `${C(f)}/translations`, expect: secretariatOnly("page") } },
  "consultations.$consultationId.agenda.tsx": {
    get: { path: (f) => `${C(f)}/agenda`, expect: secretariatOnly("page") },
    // The consultation is open: structural changes are refused (409) and the rest fail validation.
    post: {
      "item.create": secretariatIntent((f) => `${C(f)}/agenda`, "item.create", { title: "" }),
      "item.update": {
        ...secretariatIntent((f) => `${C(f)}/agenda`, "item.update"),
        body: (f) => ({ intent: "item.update", agendaItemId: f.agendaItemId, title: "" }),
      },
      "item.move": {
        ...secretariatIntent((f) => `${C(f)}/agenda`, "item.move"),
        body: (f) => ({ intent: "item.move", agendaItemId: f.agendaItemId, direction: "up" }),
      },
      "item.delete": { ...secretariatIntent((f) => `${C(f)}/agenda`, "item.delete"), body: (f) => ({ intent: "item.delete", agendaItemId: f.agendaItemId }) },
      "point.create": {
        ...secretariatIntent((f) => `${C(f)}/agenda`, "point.create"),
        body: (f) => ({ intent: "point.create", agendaItemId: f.agendaItemId, label: "" }),
      },
      "point.relabel": {
        ...secretariatIntent((f) => `${C(f)}/agenda`, "point.relabel"),
        body: (f) => ({ intent: "point.relabel", pointId: f.pointId, label: "" }),
      },
      "point.move": {
        ...secretariatIntent((f) => `${C(f)}/agenda`, "point.move"),
        body: (f) => ({ intent: "point.move", pointId: f.pointId, direction: "up" }),
      },
      "point.delete": { ...secretariatIntent((f) => `${C(f)}/agenda`, "point.delete"), body: (f) => ({ intent: "point.delete", pointId: f.pointId }) },
      "point.revise": {
        ...secretariatIntent((f) => `${C(f)}/agenda`, "point.revise"),
        body: (f) => ({ intent: "point.revise", pointId: f.pointId, text: "", basedOnVersion: "1" }),
      },
    },
  },
  "consultations.$consultationId.agenda_.import.tsx": {
    get: { path: (f) => `${C(f)}/agenda/import`, expect: secretariatOnly("page") },
    // Only a draft's agenda is imported: every step answers 409 on this open consultation.
    post: Object.fromEntries(
      ["back", "preview", "review:split:0:0", "save"].map((intent) => [intent, secretariatIntent((f) => `${C(f)}/agenda/import`, intent)]),
    ),
  },
  "consultations.$consultationId.registrations.tsx": {
    get: { path: (f) => `${C(f)}/registrations`, expect: secretariatOnly("page") },
    post: Object.fromEntries(
      ["review", "register", "remove", "participation", "invite", "resend", "revoke"].map((intent) => [
        intent,
        secretariatIntent((f) => `${C(f)}/registrations`, intent, { delegationId: NOT_A_UUID, invitationId: NOT_A_UUID }),
      ]),
    ),
  },
  "consultations.$consultationId.groups.tsx": {
    get: { path: (f) => `${C(f)}/groups`, expect: secretariatOnly("page") },
    post: Object.fromEntries(
      ["create", "coordinator", "delete"].map((intent) => [intent, secretariatIntent((f) => `${C(f)}/groups`, intent, { groupId: NOT_A_UUID })]),
    ),
  },
  "consultations.$consultationId.circulate.tsx": {
    get: { path: (f) => `${C(f)}/circulate`, expect: secretariatOnly("page") },
    post: {
      // Drafting the covering note again only reads (200); the others lack a required field.
      ...Object.fromEntries(
        ["regenerate", "regenerate-ar", "regenerate-zh", "regenerate-fr", "regenerate-ru", "regenerate-es"].map((intent) => [
          intent,
          secretariatIntent((f) => `${C(f)}/circulate`, intent),
        ]),
      ),
      save: secretariatIntent((f) => `${C(f)}/circulate`, "save"),
      circulate: secretariatIntent((f) => `${C(f)}/circulate`, "circulate", { coveringNote: "x" }),
      close: secretariatIntent((f) => `${C(f)}/circulate`, "close"),
    },
  },
  "consultations.$consultationId.closing.tsx": {
    get: { path: (f) => `${C(f)}/closing`, expect: secretariatOnly("page") },
    post: {
      // Queues reminders to the missions that have not submitted (no fixture reads them).
      remind: secretariatIntent((f) => `${C(f)}/closing`, "remind"),
      close: secretariatIntent((f) => `${C(f)}/closing`, "close"),
    },
  },
  "consultations.$consultationId.submissions.tsx": {
    get: { path: (f) => `${C(f)}/submissions`, expect: secretariatOnly("page") },
    post: {
      decide: secretariatIntent((f) => `${C(f)}/submissions`, "decide", { revisionId: NOT_A_UUID }),
      extend: secretariatIntent((f) => `${C(f)}/submissions`, "extend", { delegationId: NOT_A_UUID }),
    },
  },
  "consultations.$consultationId.submissions_.import/route.tsx": {
    get: { path: (f) => `${C(f)}/submissions/import`, expect: secretariatOnly("page") },
    post: {
      preview: secretariatIntent((f) => `${C(f)}/submissions/import`, "preview"),
      // The kept original is read again, then the review fails validation (no delegation).
      save: { ...secretariatIntent((f) => `${C(f)}/submissions/import`, "save"), body: (f) => ({ intent: "save", attachmentId: f.attachmentId }) },
    },
  },
};

/**
 * A draft consultation (not circulated): the secretariat's alone. It opens the comments' pages by
 * address (empty); its chair and everyone else get 404 (rule 3), the delegates 403 first (rule 2).
 */
export const DRAFT_CELLS: Record<string, Probe> = {
  overview: { path: (f) => `/consultations/${f.draftConsultationId}`, expect: { ...participants("page"), chair: 404, delegate: 404, otherDelegate: 404 } },
  "side-by-side": { path: (f) => `/consultations/${f.draftConsultationId}/side-by-side`, expect: { ...commentReaders("page"), chair: 404 } },
  matrix: { path: (f) => `/consultations/${f.draftConsultationId}/matrix`, expect: { ...commentReaders("page"), chair: 404 } },
  "dispositions/import": { path: (f) => `/consultations/${f.draftConsultationId}/dispositions/import`, expect: { ...commentReaders("page"), chair: 404 } },
  crp: { path: (f) => `/consultations/${f.draftConsultationId}/crp`, expect: { ...commentReaders("page"), chair: 404 } },
  // The secretariat previews the non-paper before circulating it (mayPreviewNonPaper).
  "non-paper": { path: (f) => `/consultations/${f.draftConsultationId}/non-paper`, expect: { ...participants(404), secretariat: "page" } },
};
