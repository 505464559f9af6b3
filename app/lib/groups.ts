// Groups of States (issue 19): the rules, the names in a sentence, the members read from a pasted
// list, and the forms of the groups pages. Pure, no I/O: the server and the browser share it.
//
// A group is standing (the instance's: the UN regional groups, the European Union and its member
// States, political groups) or a consultation's own (kind "ad_hoc"). Its names are in the six
// languages, its articles in French and Spanish as a delegation's are, and its membership is dated.
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import type { Language } from "~/i18n/languages";
import type { ConsultationStatus } from "~/lib/consultation-status";
import { delegationNameList, matchDelegations, splitNameList, type MatchableDelegation, type MatchMethod } from "~/lib/delegation-match";
import { nameInSentence, type DelegationArticles, type DelegationNames, type NameInSentence } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import { cleanNameLines } from "~/lib/name-rules";

export const GROUP_KINDS = ["regional", "political", "integration", "ad_hoc"] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** The kinds of a standing group; a consultation's own group is "ad_hoc". */
export const STANDING_KINDS = ["regional", "political", "integration"] as const;
export type StandingKind = (typeof STANDING_KINDS)[number];

/** Names as the groups table has them: the delegations' six columns and their two articles. */
export type GroupNames = DelegationNames;
export type GroupArticles = DelegationArticles;

/**
 * The most members a group may have: every delegation there is (198) and room to spare. The largest
 * real group, the Group of 77 and China, has 134; every query reads a group's members at once.
 */
export const MAX_GROUP_MEMBERS = 250;
export const MAX_GROUP_NAME_LENGTH = 200;
/** A pasted list of members: a whole attendance paragraph fits. */
export const MAX_MEMBER_LIST_TEXT = 20_000;

const COLUMN: Record<Language, keyof GroupNames> = { ar: "nameAr", zh: "nameZh", en: "nameEn", fr: "nameFr", ru: "nameRu", es: "nameEs" };

/**
 * The group's name in the reader's language. A consultation's own group may have been named in
 * English only: the English name stands in for a language left blank.
 */
export function groupName(group: GroupNames, language: Language): string {
  return group[COLUMN[language]].trim() || group.nameEn;
}

/**
 * The group's name for a translation's placeholder, as nameInSentence gives a delegation's
 * ("du Groupe des États d'Afrique", "del Grupo de los Estados de África" through the name forms of
 * app/i18n/name-forms.ts). A name shown in English for want of the reader's language takes no
 * article. `isolate` marks it as data for direction.
 */
export function groupInSentence(group: GroupNames & GroupArticles, language: Language, options: { isolate?: boolean } = {}): NameInSentence {
  const own = group[COLUMN[language]].trim() !== "";
  const articles = own ? { articleFr: group.articleFr, articleEs: group.articleEs } : { articleFr: null, articleEs: null };
  return nameInSentence({ ...group, [COLUMN[language]]: groupName(group, language), ...articles }, language, options);
}

/** A consultation's groups and coordinators change while it is a draft or open, as registrations do. */
export function canChangeConsultationGroups(status: ConsultationStatus): boolean {
  return status === "draft" || status === "open";
}

/**
 * Whether a standing group concerns a consultation: at least one of its members is registered.
 * (A consultation's own groups always concern it.)
 */
export function concernsConsultation(group: { consultationId: string | null; registeredCount: number }, consultationId: string): boolean {
  return group.consultationId === consultationId || (group.consultationId === null && group.registeredCount > 0);
}

/**
 * A short, stable code for a new group, from its English name: the initials of its words ("Friends of
 * the Chair" → "FOTC"), or its first letters when it has one word; then "-2", "-3"… when taken.
 */
export function groupCodeFrom(nameEn: string, taken: ReadonlySet<string>): string {
  const words = nameEn
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const base = (words.length > 1 ? words.map((w) => (/^\d+$/.test(w) ? w : w[0])).join("") : (words[0] ?? "").slice(0, 8)).slice(0, 12) || "GROUP";
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Whether the text is a calendar date (YYYY-MM-DD) between the UN's founding and 2100. */
export function isMembershipDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= "1945-01-01" && value <= "2100-12-31";
}

// ---------------------------------------------------------------------------------------------
// Members from a pasted list

/**
 * One pasted name the officer must look at: several delegations fit, a guess from a similar
 * spelling, or nothing. Sure matches (a delegation's code, a name in any language, a known
 * alternative, the name without its parenthetical) are taken without asking.
 */
export type MemberProblem = {
  input: string;
  kind: "confirm" | "choose" | "unmatched";
  /** The delegations to offer, best first (for "confirm", the guess). */
  candidateIds: string[];
};

export type MemberListMatch = {
  /** The delegations found, in the order pasted, each once. */
  ids: string[];
  problems: MemberProblem[];
  /** How each found delegation was recognised, by id (a code, or the matcher's stage). */
  methods: Record<string, MatchMethod | "code">;
};

/**
 * Reads a pasted list of names or codes ("Egypt, Morocco and Tunisia", "EGY MAR TUN", one per line,
 * in any of the six languages) into delegations, with the matcher of the registrations page
 * (app/lib/delegation-match.ts). A part made only of delegation codes in capitals is read code by
 * code; the matcher's guesses are never taken silently.
 */
export function matchMemberList(text: string, delegations: readonly MatchableDelegation[]): MemberListMatch {
  const byCode = new Map(delegations.map((d) => [d.code, d]));
  const ids: string[] = [];
  const seen = new Set<string>();
  const methods: Record<string, MatchMethod | "code"> = {};
  const problems: MemberProblem[] = [];
  const take = (id: string, method: MatchMethod | "code") => {
    if (seen.has(id)) return;
    seen.add(id);
    ids.push(id);
    methods[id] = method;
  };
  // Each part is a run of codes or one name; the names are matched together, then taken in order.
  const parts = splitNameList(cleanNameLines(text), delegationNameList(delegations)).map((part) => {
    const tokens = part.split(/[\s,;]+/).filter(Boolean);
    const codes = tokens.length && tokens.every((token) => /^[A-Z]{2,3}$/.test(token) && byCode.has(token)) ? tokens : null;
    return { part, codes };
  });
  const matched = matchDelegations(
    parts.filter((p) => !p.codes).map((p) => p.part),
    delegations,
  );
  let next = 0;
  for (const { codes } of parts) {
    if (codes) {
      for (const code of codes) take(byCode.get(code)!.id, "code");
      continue;
    }
    const result = matched[next++]!;
    if (result.status === "matched" && result.delegation && result.method !== "fuzzy") take(result.delegation.id, result.method ?? "name");
    else
      problems.push({
        input: result.input,
        kind: result.status === "matched" ? "confirm" : result.status === "ambiguous" ? "choose" : "unmatched",
        candidateIds: (result.status === "matched" && result.delegation ? [result.delegation] : result.candidates).map((d) => d.id),
      });
  }
  return { ids, problems, methods };
}

// ---------------------------------------------------------------------------------------------
// The forms (the server's action and Conform in the browser)

const optionalName = z
  .string()
  .trim()
  .max(MAX_GROUP_NAME_LENGTH, "groups:errors.nameTooLong")
  .optional()
  .transform((value) => value ?? "");

const ids = (message: string) =>
  z
    .array(z.string().optional())
    .default([])
    .transform((values) => values.filter((value): value is string => !!value))
    .pipe(
      z
        .array(z.string())
        .max(MAX_GROUP_MEMBERS, "groups:errors.tooManyMembers")
        .refine((values) => values.every(isUuid), message),
    );

/** The fields of a group, when it is created and when it is edited. */
const groupFields = {
  nameEn: z
    .string({ required_error: "groups:errors.nameRequired" })
    .trim()
    .min(1, "groups:errors.nameRequired")
    .max(MAX_GROUP_NAME_LENGTH, "groups:errors.nameTooLong"),
  nameFr: optionalName,
  nameEs: optionalName,
  nameRu: optionalName,
  nameZh: optionalName,
  nameAr: optionalName,
  articleFr: z
    .enum(["", "le", "la", "l'", "les"], { errorMap: () => ({ message: "groups:errors.articleInvalid" }) })
    .optional()
    .transform((value) => value || null),
  articleEs: z
    .enum(["", "el", "la", "los", "las"], { errorMap: () => ({ message: "groups:errors.articleInvalid" }) })
    .optional()
    .transform((value) => value || null),
  membershipAsOf: z.string({ required_error: "groups:errors.dateRequired" }).trim().refine(isMembershipDate, "groups:errors.dateInvalid"),
  /** The members kept (ticked). */
  memberId: ids("groups:errors.unknownDelegation"),
  /** Names or codes to add, pasted. */
  add: z
    .string()
    .max(MAX_MEMBER_LIST_TEXT, "groups:errors.listTooLong")
    .optional()
    .transform((value) => value ?? ""),
};

export const SaveGroupSchema = z.object({ intent: z.literal("save"), ...groupFields });
export const CreateStandingGroupSchema = z.object({
  intent: z.literal("create"),
  kind: z.enum(STANDING_KINDS, { errorMap: () => ({ message: "groups:errors.kindInvalid" }) }),
  ...groupFields,
});
export const CreateAdHocGroupSchema = z.object({ intent: z.literal("create"), ...groupFields });

const groupIdField = z.string({ required_error: "groups:errors.groupGone" }).refine(isUuid, "groups:errors.groupGone");
export const DeleteGroupSchema = z.object({ intent: z.literal("delete"), groupId: groupIdField });
export const CoordinatorSchema = z.object({
  intent: z.literal("coordinator"),
  groupId: groupIdField,
  // Empty: no coordinator.
  delegationId: z
    .string()
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || isUuid(value), "groups:errors.coordinatorNotMember"),
});

export type GroupFormValue = z.infer<typeof SaveGroupSchema>;

/** The names and articles of a form's value (or of any group), as the model stores them. */
export function namesOf(value: GroupNames & GroupArticles) {
  return {
    nameEn: value.nameEn,
    nameFr: value.nameFr,
    nameEs: value.nameEs,
    nameRu: value.nameRu,
    nameZh: value.nameZh,
    nameAr: value.nameAr,
    articleFr: value.articleFr,
    articleEs: value.articleEs,
  };
}

/** What a groups page's action answers: the form's result, what was done, and what to look at in a pasted list. */
export type GroupsActionData = {
  intent: string;
  result?: SubmissionResult<string[]>;
  notice?: { kind: "saved" | "created" | "deleted" | "coordinator"; code?: string };
  /** Names the paste left for the officer, with the candidates' names. */
  problems?: (MemberProblem & { candidates: (GroupNames & { id: string; code: string })[] })[];
};

/** The refusals of the models, and what the pages answer. */
export const GROUP_REFUSALS: Record<string, { message: string; status: number }> = {
  wrong_status: { message: "groups:errors.locked", status: 409 },
  unknown_delegation: { message: "groups:errors.unknownDelegation", status: 400 },
  too_many: { message: "groups:errors.tooManyMembers", status: 400 },
  no_members: { message: "groups:errors.noMembers", status: 400 },
  conflict: { message: "groups:errors.conflict", status: 409 },
  has_submissions: { message: "groups:errors.hasSubmissions", status: 409 },
  standing: { message: "groups:errors.standingNotDeleted", status: 409 },
  not_member: { message: "groups:errors.coordinatorNotMember", status: 400 },
  not_registered: { message: "groups:errors.coordinatorNotRegistered", status: 400 },
};
