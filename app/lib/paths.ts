// Every in-app address, built in one place: a page's path is written once, next to its query
// parameters, instead of as a template literal wherever something links or redirects to it (the
// route files in app/routes/ define the same paths; tests/unit/paths.test.ts keeps the two in
// step). Pure, no imports: the browser builds links with it too.
//
// Segments that come from data (ids, delegation codes, tokens, file names) are percent-encoded,
// so a code with "/" or "?" stays one segment; queries are built with URLSearchParams, in the
// order each page lists its parameters, leaving out what is undefined, null or empty; a hash is
// encoded as a segment is. What an action just did ("Saved.") is not in the address: it is a
// one-time notice (app/lib/notices.ts, app/utils/notice.server.ts).

/** A query value: numbers are written as they are, nothing at all when undefined, null or "". */
type QueryValue = string | number | null | undefined;
type Query = { readonly [name: string]: QueryValue };

const segment = (value: string | number) => encodeURIComponent(String(value));

/**
 * `path` with its query and hash. The parameters named in `order` come first, in that order (a
 * redirect's Location is compared as a string), then any others as given.
 */
function at<Q extends Query>(path: string, query?: Q, order: readonly (keyof Q & string)[] = [], hash?: string | null): string {
  const search = new URLSearchParams();
  const add = (name: string, value: QueryValue) => {
    if (value !== undefined && value !== null && value !== "" && !search.has(name)) search.set(name, String(value));
  };
  if (query) {
    for (const name of order) add(name, query[name]);
    for (const [name, value] of Object.entries(query)) add(name, value);
  }
  const text = search.toString();
  return `${path}${text ? `?${text}` : ""}${hash ? `#${segment(hash)}` : ""}`;
}

const consultationPath = (consultationId: string) => `/consultations/${segment(consultationId)}`;

/** `?back=` of the meeting pages: the page to return to (checked by safeRedirect there). */
export type BackQuery = { back?: string | null };
/** The sign-in page: why one is there (signed out after idle minutes) and where to go after. */
export type LoginQuery = { idle?: QueryValue; redirectTo?: string | null };
export type OutboxQuery = { status?: string | null; consultation?: string | null; page?: QueryValue };
/** After a change, the element the agenda editor focuses (also the hash, which scrolls to it). */
export type AgendaQuery = { focus?: string | null };
export type SideBySideQuery = {
  item?: string | null;
  point?: string | null;
  delegation?: string | null;
  language?: string | null;
  amendment?: string | null;
  status?: string | null;
  tag?: string | null;
  order?: string | null;
  original?: string | null;
  review?: string | null;
};
export type CrpQuery = { from?: QueryValue; to?: QueryValue; preview?: string | null };
export type VersionsQuery = { from?: QueryValue; to?: QueryValue };
export type DeskQuery = { status?: string | null; language?: string | null; delegation?: string | null; page?: QueryValue };
export type SubmissionsQuery = { status?: string | null; extend?: string | null };
export type AuditQuery = {
  actor?: string | null;
  action?: string | null;
  delegation?: string | null;
  from?: string | null;
  to?: string | null;
  before?: QueryValue;
};

export const paths = {
  home: () => "/",
  /** After signing in, `redirectTo` (a path on this site) rather than the home page. */
  login: (query?: LoginQuery) => at("/login", query, ["idle", "redirectTo"]),
  loginTwoFactor: () => "/login/two-factor",
  loginTwoFactorSetup: () => "/login/two-factor/setup",
  /** POST only: signing out is a form, never a link a prefetch could follow. */
  logout: () => "/logout",
  account: () => "/account",
  accountTwoFactor: () => "/account/two-factor",
  users: () => "/users",
  /** The instance's standing groups of States, and one group (standing or a consultation's). */
  groups: () => "/groups",
  group: (groupId: string) => `/groups/${segment(groupId)}`,
  outbox: (query?: OutboxQuery) => at("/outbox", query, ["status", "consultation", "page"]),
  /** POST only: hands over a pending reset link. */
  outboxResetLink: () => "/outbox/reset-link",
  meetingNew: (query?: BackQuery) => at("/meetings/new", query, ["back"]),
  meetingEdit: (meetingId: string, query?: BackQuery) => at(`/meetings/${segment(meetingId)}/edit`, query, ["back"]),
  consultationNew: () => "/consultations/new",
  archiveImport: () => "/archive/import",
  /** The page an invitation link opens; ?lng= opens it in the invitee's language. */
  invitation: (token: string, query?: { lng?: string | null }) => at(`/invitations/${segment(token)}`, query, ["lng"]),
  /** "Forgot your password?"; ?sent=1 once a link was asked for. */
  passwordReset: (query?: { sent?: QueryValue }) => at("/password-reset", query, ["sent"]),
  /** The page a reset link opens (a new password); ?lng= as for invitations. */
  resetPassword: (token: string, query?: { lng?: string | null }) => at(`/password-reset/${segment(token)}`, query, ["lng"]),
  /** POST only: the language switcher. */
  language: () => "/language",
  /** One language's interface strings; `v` is the version that lets the browser cache them for good. */
  locales: (language: string, query?: { v?: string | null }) => at(`/locales/${segment(language)}`, query, ["v"]),

  consultation: (consultationId: string) => consultationPath(consultationId),
  consultationEdit: (consultationId: string) => `${consultationPath(consultationId)}/edit`,
  /** The agenda editor; after a change, the element to focus (also the hash). */
  agenda: (consultationId: string, query?: AgendaQuery, hash?: string | null) => at(`${consultationPath(consultationId)}/agenda`, query, ["focus"], hash),
  agendaImport: (consultationId: string) => `${consultationPath(consultationId)}/agenda/import`,
  registrations: (consultationId: string) => `${consultationPath(consultationId)}/registrations`,
  consultationGroups: (consultationId: string) => `${consultationPath(consultationId)}/groups`,
  circulate: (consultationId: string) => `${consultationPath(consultationId)}/circulate`,
  closing: (consultationId: string) => `${consultationPath(consultationId)}/closing`,
  nonPaper: (consultationId: string) => `${consultationPath(consultationId)}/non-paper`,
  nonPaperDocx: (consultationId: string) => `${consultationPath(consultationId)}/non-paper.docx`,
  nonPaperPdf: (consultationId: string) => `${consultationPath(consultationId)}/non-paper.pdf`,
  /** The side-by-side reading; `item` and `point` narrow it, the hash is an entry. */
  sideBySide: (consultationId: string, query?: SideBySideQuery, hash?: string | null) =>
    at(
      `${consultationPath(consultationId)}/side-by-side`,
      query,
      ["item", "point", "delegation", "language", "amendment", "status", "tag", "order", "original", "review"],
      hash,
    ),
  /** What a chair takes into the room: the side-by-side as filtered (its own query), or the matrix. */
  meetingExport: (
    consultationId: string,
    file:
      | "side-by-side.docx"
      | "side-by-side.xlsx"
      | "matrix.xlsx"
      | "comment-resolution.docx"
      | "comment-resolution.xlsx"
      | "compilation-text.docx"
      | "revised-text.docx"
      | "revised-text-clean.docx",
    search = "",
  ) => `${consultationPath(consultationId)}/exports/${file}${search}`,
  /** The Chair's revised text (Rev.1) of a later round, one agenda item at a time; the hash is a point. */
  revision: (consultationId: string, query?: { item?: string | null }, hash?: string | null) =>
    at(`${consultationPath(consultationId)}/revision`, query, ["item"], hash),
  /** The comment-resolution table filled in Excel, uploaded back: its dispositions and observations. */
  dispositionImport: (consultationId: string) => `${consultationPath(consultationId)}/dispositions/import`,
  matrix: (consultationId: string, query?: { order?: string | null }) => at(`${consultationPath(consultationId)}/matrix`, query, ["order"]),
  crp: (consultationId: string, query?: CrpQuery, hash?: string | null) =>
    at(`${consultationPath(consultationId)}/crp`, query, ["from", "to", "preview"], hash),
  /** A saved CRP version as a file: the last segment is the version and the format, "v3.docx". */
  crpFile: (consultationId: string, versionNumber: number, extension: string) =>
    `${consultationPath(consultationId)}/crp/${segment(`v${versionNumber}.${extension}`)}`,
  /** The audit log as filtered (app/lib/audit-filters.ts); `before` pages back from an entry's id. */
  audit: (consultationId: string, query?: AuditQuery) =>
    at(`${consultationPath(consultationId)}/audit`, query, ["actor", "action", "delegation", "from", "to", "before"]),
  /** The audit log as CSV, with the page's filters. */
  auditCsv: (consultationId: string, query?: Omit<AuditQuery, "before">) =>
    at(`${consultationPath(consultationId)}/audit.csv`, query, ["actor", "action", "delegation", "from", "to"]),
  archiveJson: (consultationId: string) => `${consultationPath(consultationId)}/archive.json`,
  /** One point's history; `from` and `to` are the versions compared. */
  point: (consultationId: string, pointId: string, query?: VersionsQuery) =>
    at(`${consultationPath(consultationId)}/points/${segment(pointId)}`, query, ["from", "to"]),
  /** The translation desk, and the view its filters and page make. */
  translations: (consultationId: string, query?: DeskQuery) =>
    at(`${consultationPath(consultationId)}/translations`, query, ["status", "language", "delegation", "page"]),
  translation: (consultationId: string, commentId: string) => `${consultationPath(consultationId)}/translations/${segment(commentId)}`,
  /** The delegation's own submission editor. */
  submission: (consultationId: string) => `${consultationPath(consultationId)}/submission`,
  /** What became of the delegation's comments (once the secretariat publishes the dispositions). */
  ownDispositions: (consultationId: string) => `${consultationPath(consultationId)}/submission/dispositions`,
  /** POST only (JSON): the editor's autosave. */
  submissionDraft: (consultationId: string) => `${consultationPath(consultationId)}/submission/draft`,
  /** POST only (JSON): who else has the draft open. */
  submissionPresence: (consultationId: string) => `${consultationPath(consultationId)}/submission/presence`,
  submissionReview: (consultationId: string) => `${consultationPath(consultationId)}/submission/review`,
  /** The delegation's submission on behalf of a group, its co-sponsors, and the invitations it received. */
  joint: (consultationId: string) => `${consultationPath(consultationId)}/submission/joint`,
  /** The submissions the delegation may align itself with, and its alignments. */
  alignments: (consultationId: string) => `${consultationPath(consultationId)}/alignments`,
  /** The receipt of one of the delegation's alignments, by its number. */
  alignmentReceipt: (consultationId: string, receiptNumber: string) => `${consultationPath(consultationId)}/alignments/${segment(receiptNumber)}`,
  /** The mission's delegates and invitations; its focal point invites and removes colleagues there. */
  mission: (consultationId: string) => `${consultationPath(consultationId)}/mission`,
  /** The receipt of the delegation's own revision n. */
  receipt: (consultationId: string, revisionNumber: number) => `${consultationPath(consultationId)}/submission/receipts/${segment(revisionNumber)}`,
  /** The secretariat's list of submissions. */
  submissions: (consultationId: string, query?: SubmissionsQuery, hash?: string | null) =>
    at(`${consultationPath(consultationId)}/submissions`, query, ["status", "extend"], hash),
  submissionsImport: (consultationId: string) => `${consultationPath(consultationId)}/submissions/import`,
  /** One revision of a delegation's submission, as the secretariat reads it. */
  delegationRevision: (consultationId: string, delegationCode: string, revisionNumber: number) =>
    `${consultationPath(consultationId)}/submissions/${segment(delegationCode)}/${segment(revisionNumber)}`,
} as const;
