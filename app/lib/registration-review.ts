// Registration of delegations: the rules and the review of a pasted list. Pure, no I/O; the
// server builds the review and the page renders it.
import type { ConsultationStatus } from "~/lib/consultation-status";
import { normalizeName, type MatchMethod, type MatchResult, type MatchableDelegation } from "~/lib/delegation-match";

export const PARTICIPATIONS = ["state_party", "signatory", "observer"] as const;
export type Participation = (typeof PARTICIPATIONS)[number];

/** Longest pasted list accepted: a whole attendance section is about 3,000 characters. */
export const MAX_PASTED_NAMES_TEXT = 20_000;

/**
 * Registrations change while the consultation is a draft or open (a late registration after
 * circulation is normal), never once it is closed: the CRP reports who took part.
 */
export function canChangeRegistrations(status: ConsultationStatus): boolean {
  return status === "draft" || status === "open";
}

/** A delegation row (six name columns) in the shape the matcher wants. */
export function toMatchable(row: {
  id: string;
  code: string;
  nameAr: string;
  nameZh: string;
  nameEn: string;
  nameFr: string;
  nameRu: string;
  nameEs: string;
  formalNameEn?: string | null;
}): MatchableDelegation {
  return {
    id: row.id,
    code: row.code,
    names: { ar: row.nameAr, zh: row.nameZh, en: row.nameEn, fr: row.nameFr, ru: row.nameRu, es: row.nameEs },
    formalNames: row.formalNameEn ? { en: row.formalNameEn } : undefined,
  };
}

/**
 * What the officer is asked about one pasted name:
 * - "found": a sure match (exact name, known alternative, name without its parenthetical), pre-ticked;
 * - "confirm": a guess from a similar spelling, not pre-ticked;
 * - "choose": several delegations fit, pick one of the candidates;
 * - "unmatched": nothing fits, the nearest delegations are offered;
 * - "registered": already registered for this consultation (for an ambiguous name: every candidate is);
 * - "duplicate": the same delegation appears earlier in the list.
 */
export type ReviewKind = "found" | "confirm" | "choose" | "unmatched" | "registered" | "duplicate";

export type ReviewRow = {
  input: string;
  kind: ReviewKind;
  /** The delegation found (found, confirm, registered, duplicate). */
  delegationId: string | null;
  method: MatchMethod | null;
  /** Delegations to pick from (choose, unmatched), excluding those already registered. */
  candidateIds: string[];
  preselected: boolean;
};

/** Turns matcher results into review rows, marking what is already registered or repeated. */
export function buildRegistrationReview(results: readonly MatchResult[], registeredIds: ReadonlySet<string>): ReviewRow[] {
  const seen = new Set<string>();
  return results.map((result) => {
    const method = result.method ?? null;
    if (result.status === "matched" && result.delegation) {
      const id = result.delegation.id;
      const base = { input: result.input, delegationId: id, method, candidateIds: [] as string[] };
      if (registeredIds.has(id)) return { ...base, kind: "registered", preselected: false };
      if (seen.has(id)) return { ...base, kind: "duplicate", preselected: false };
      seen.add(id);
      return method === "fuzzy" ? { ...base, kind: "confirm", preselected: false } : { ...base, kind: "found", preselected: true };
    }
    const candidateIds = result.candidates.map((d) => d.id).filter((id) => !registeredIds.has(id));
    // "Korea" when both Koreas are registered: nothing is left to choose.
    const allRegistered = result.status === "ambiguous" && result.candidates.length > 0 && candidateIds.length === 0;
    return {
      input: result.input,
      kind: allRegistered ? "registered" : result.status === "ambiguous" ? "choose" : "unmatched",
      delegationId: null,
      method,
      candidateIds,
      preselected: false,
    };
  });
}

/** How many rows of each kind, for the summary above the review table. */
export function reviewSummary(rows: readonly ReviewRow[]): Record<ReviewKind, number> {
  const summary: Record<ReviewKind, number> = { found: 0, confirm: 0, choose: 0, unmatched: 0, registered: 0, duplicate: 0 };
  for (const row of rows) summary[row.kind]++;
  return summary;
}

/**
 * Whether a delegation fits the filter typed above the list: any of its six names or its code
 * contains the typed text, ignoring case, accents and punctuation ("cote" finds Côte d'Ivoire).
 */
export function delegationMatchesFilter(delegation: MatchableDelegation, filter: string): boolean {
  const wanted = normalizeName(filter).replace(/ /g, "");
  if (!wanted) return true;
  if (delegation.code.toLowerCase().startsWith(filter.trim().toLowerCase())) return true;
  return Object.values(delegation.names).some((name) => normalizeName(name).replace(/ /g, "").includes(wanted));
}
