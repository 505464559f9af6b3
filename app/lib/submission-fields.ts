// The submission editor's form fields: a flat name → text map (what autosave sends and keeps in
// the browser) and back into a submission's content. Pure: no I/O.
//   language                         the submission's language
//   general.<agendaItemId>           the general comment on an agenda item
//   point.<pointId>.comment          the comment on a discussion point
//   point.<pointId>.amendment        the proposed wording (present only while an amendment is open)
//   proposal.<agendaItemId>.<n>      the delegation's n-th new proposal under an agenda item
import type { DraftFields } from "~/lib/autosave-store";
import type { ContentIssue, SubmissionContent, SubmissionContentInput } from "~/lib/submission-rules";

export const LANGUAGE_FIELD = "language";
export const generalField = (agendaItemId: string) => `general.${agendaItemId}`;
export const commentField = (pointId: string) => `point.${pointId}.comment`;
export const amendmentField = (pointId: string) => `point.${pointId}.amendment`;
export const proposalField = (agendaItemId: string, index: number) => `proposal.${agendaItemId}.${index}`;

const GENERAL = /^general\.([^.]+)$/;
const POINT = /^point\.([^.]+)\.(comment|amendment)$/;
const PROPOSAL = /^proposal\.([^.]+)\.(\d{1,4})$/;

/** A content as the editor's fields (new proposals numbered from 0 within each agenda item). */
export function contentToFields(content: SubmissionContent): DraftFields {
  const fields: DraftFields = { [LANGUAGE_FIELD]: content.language };
  for (const entry of content.general) fields[generalField(entry.agendaItemId)] = entry.body;
  for (const entry of content.points) {
    if (entry.body) fields[commentField(entry.pointId)] = entry.body;
    if (entry.proposedText !== null) fields[amendmentField(entry.pointId)] = entry.proposedText;
  }
  const counts = new Map<string, number>();
  for (const entry of content.proposals) {
    const n = counts.get(entry.agendaItemId) ?? 0;
    counts.set(entry.agendaItemId, n + 1);
    fields[proposalField(entry.agendaItemId, n)] = entry.body;
  }
  return fields;
}

/** Which field each entry of the content input came from, to put the server's issues back on it. */
export type FieldSources = { general: string[]; points: { body: string; proposedText: string }[]; proposals: string[] };

/**
 * The editor's fields (from a form or a save request) as the content the models check. Names
 * that are not the editor's are ignored; ids are passed as sent (the model refuses unknown ones).
 * Proposals keep the order of their numbers.
 */
export function fieldsToContent(entries: Iterable<[string, string]>): { input: SubmissionContentInput; sources: FieldSources } {
  const general = new Map<string, string>();
  const points = new Map<string, { body?: string; proposedText?: string }>();
  const proposals: { agendaItemId: string; n: number; body: string; name: string }[] = [];
  let language = "";
  for (const [name, value] of entries) {
    if (name === LANGUAGE_FIELD) {
      language = value;
      continue;
    }
    let match = GENERAL.exec(name);
    if (match) {
      general.set(match[1]!, value);
      continue;
    }
    match = POINT.exec(name);
    if (match) {
      const entry = points.get(match[1]!) ?? {};
      if (match[2] === "comment") entry.body = value;
      else entry.proposedText = value;
      points.set(match[1]!, entry);
      continue;
    }
    match = PROPOSAL.exec(name);
    if (match) proposals.push({ agendaItemId: match[1]!, n: Number(match[2]), body: value, name });
  }
  proposals.sort((a, b) => a.n - b.n);
  const sources: FieldSources = { general: [], points: [], proposals: [] };
  const input: SubmissionContentInput = { language, general: [], points: [], proposals: [] };
  for (const [agendaItemId, body] of general) {
    input.general!.push({ agendaItemId, body });
    sources.general.push(generalField(agendaItemId));
  }
  for (const [pointId, entry] of points) {
    input.points!.push({ pointId, body: entry.body ?? "", proposedText: entry.proposedText ?? null });
    sources.points.push({ body: commentField(pointId), proposedText: amendmentField(pointId) });
  }
  for (const entry of proposals) {
    input.proposals!.push({ agendaItemId: entry.agendaItemId, body: entry.body });
    sources.proposals.push(entry.name);
  }
  return { input, sources };
}

/** An issue's Conform-style field ("points[2].body") as the editor's field name; "" for the form. */
export function issueField(field: string, sources: FieldSources): string {
  if (field === "language") return LANGUAGE_FIELD;
  const match = /^(general|points|proposals)\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (!match) return "";
  const index = Number(match[2]);
  if (match[1] === "general") return sources.general[index] ?? "";
  if (match[1] === "proposals") return sources.proposals[index] ?? "";
  const point = sources.points[index];
  if (!point) return "";
  return match[3] === "proposedText" ? point.proposedText : point.body;
}

export type FieldIssue = { message: string; values?: Record<string, string | number> };

/** The model's issues by editor field name ("" for the whole form). */
export function issuesByField(issues: ContentIssue[], sources: FieldSources): Record<string, FieldIssue[]> {
  const byField: Record<string, FieldIssue[]> = {};
  for (const issue of issues) {
    (byField[issueField(issue.field, sources)] ??= []).push({ message: issue.message, ...(issue.values ? { values: issue.values } : {}) });
  }
  return byField;
}

/** The fields of one agenda item's new proposals, in order. */
export function proposalFieldsOf(fields: DraftFields, agendaItemId: string): string[] {
  return Object.keys(fields)
    .map((name) => ({ name, match: PROPOSAL.exec(name) }))
    .filter((e) => e.match && e.match[1] === agendaItemId)
    .sort((a, b) => Number(a.match![2]) - Number(b.match![2]))
    .map((e) => e.name);
}
