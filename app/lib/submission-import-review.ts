// The review step of an import: each paragraph of the note with the target proposed for it, as
// the review form's select values, and the officer's choices read back into the targets that
// assembleContent takes. Pure.
//
// Select values: "general:<item>", "point:<point>", "amendment:<point>", "proposal:<item>:(a)", "skip".
import type { DocxReadWarning } from "~/documents/docx-reader";
import { isUuid } from "~/lib/ids";
import { guessLanguage, type ImportConsultation, type ImportProposal, type ImportTarget, type SourceParagraph } from "~/lib/submission-import";
import { importError } from "~/lib/submission-import-forms";
import { normalizeCommentText, proposalLabel, textProblems } from "~/lib/submission-rules";

export function targetValue(target: ImportTarget): string {
  switch (target.kind) {
    case "general":
      return `general:${target.agendaItemId}`;
    case "point":
    case "amendment":
      return `${target.kind}:${target.pointId}`;
    case "proposal":
      return `proposal:${target.agendaItemId}:${target.label}`;
    case "skip":
      return "skip";
  }
}

type ChosenTarget =
  | { kind: "general"; agendaItemId: string }
  | { kind: "point" | "amendment"; pointId: string }
  | { kind: "proposal"; agendaItemId: string; label: string }
  | { kind: "skip" };

/** A select value back into a target of this consultation; null for anything else (a forged form). */
export function chosenTarget(value: string, targets: ImportConsultation): ChosenTarget | null {
  if (value === "skip") return { kind: "skip" };
  const [kind, id, label] = value.split(":");
  if (!id || !isUuid(id)) return null;
  if (kind === "general" && label === undefined && targets.agendaItems.some((i) => i.id === id)) return { kind, agendaItemId: id };
  if ((kind === "point" || kind === "amendment") && label === undefined && targets.agendaItems.some((i) => i.points.some((p) => p.id === id))) {
    return { kind, pointId: id };
  }
  if (kind === "proposal" && label && /^\([a-z]{1,3}\)$/.test(label) && targets.agendaItems.some((i) => i.id === id)) {
    return { kind, agendaItemId: id, label };
  }
  return null;
}

/** New proposals per agenda item: the labels proposed there, and three more to choose from. */
export function proposalLabels(proposals: ImportProposal[], targets: ImportConsultation): Record<string, string[]> {
  const labels: Record<string, string[]> = {};
  for (const item of targets.agendaItems) {
    const used = new Set(proposals.flatMap((p) => (p.target.kind === "proposal" && p.target.agendaItemId === item.id ? [p.target.label] : [])));
    const offered = Array.from({ length: used.size + 3 }, (_, i) => proposalLabel(i));
    labels[item.id] = [...offered, ...[...used].filter((l) => !offered.includes(l))];
  }
  return labels;
}

/** The label a "label" proposal was read from, for its badge. */
export function targetLabel(target: ImportTarget, targets: ImportConsultation): string | null {
  if (target.kind === "proposal") return target.label;
  if (target.kind !== "point" && target.kind !== "amendment") return null;
  for (const item of targets.agendaItems) for (const p of item.points) if (p.id === target.pointId) return p.label;
  return null;
}

/** What the review step shows (ImportReviewData): the kept original, the note's details, a row per paragraph. */
export function importReview<Details>(input: {
  targets: ImportConsultation;
  original: { id: string; filename: string; size: number };
  read: { paragraphs: SourceParagraph[]; warnings: DocxReadWarning[] };
  proposals: ImportProposal[];
  details: Details;
  idempotencyKey: string;
}) {
  const { targets, read, proposals } = input;
  const rows = proposals.map((p) => {
    const paragraph = read.paragraphs[p.paragraph]!;
    return {
      text: paragraph.text,
      heading: paragraph.heading !== null,
      target: targetValue(p.target),
      // Another target chosen as an amendment starts from the paragraph: most likely the wording.
      wording: p.target.kind === "amendment" ? p.target.proposedText : p.text,
      confidence: p.confidence,
      reason: p.reason,
      label: p.reason === "label" ? targetLabel(p.target, targets) : null,
    };
  });
  return {
    original: { id: input.original.id, filename: input.original.filename, size: input.original.size },
    idempotencyKey: input.idempotencyKey,
    details: input.details,
    guessedLanguage: guessLanguage(read.paragraphs),
    rows,
    warnings: read.warnings,
    targets,
    proposalLabels: proposalLabels(proposals, targets),
  };
}

/**
 * The officer's choice for each paragraph (the posted rows, one per proposal) as what to save,
 * and the errors by field: a target not of this consultation, an amendment's wording missing,
 * too long or with characters not allowed.
 */
export function reviewedAssignments(
  proposals: ImportProposal[],
  paragraphs: readonly SourceParagraph[],
  postedRows: unknown[],
  targets: ImportConsultation,
): { assignments: { text: string; target: ImportTarget }[]; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  const assignments: { text: string; target: ImportTarget }[] = [];
  proposals.forEach((proposal, index) => {
    const row = (postedRows[index] ?? {}) as { target?: unknown; proposedText?: unknown };
    const chosen = typeof row.target === "string" ? chosenTarget(row.target, targets) : null;
    if (!chosen) {
      fieldErrors[`rows[${index}].target`] = [importError("targetInvalid")];
      return;
    }
    const paragraph = paragraphs[proposal.paragraph]!;
    if (chosen.kind === "amendment") {
      const wording = normalizeCommentText(typeof row.proposedText === "string" ? row.proposedText : "");
      const problems = textProblems(wording);
      if (!wording) fieldErrors[`rows[${index}].proposedText`] = [importError("wordingRequired")];
      else if (problems.length) {
        fieldErrors[`rows[${index}].proposedText`] = [
          problems.some((p) => p.message.endsWith("tooLong")) ? importError("wordingTooLong") : importError("wordingInvisible"),
        ];
      }
      // Words around quoted wording ("Peru proposes: “…”") stay a comment on the point.
      const leadIn = proposal.target.kind === "amendment" && proposal.text.trim() !== proposal.target.proposedText.trim() ? proposal.text : "";
      assignments.push({ text: leadIn, target: { kind: "amendment", pointId: chosen.pointId, proposedText: wording } });
      return;
    }
    // A paragraph proposed as an amendment but given another target keeps all its words.
    assignments.push({
      text: proposal.target.kind === "amendment" ? paragraph.text : proposal.text,
      target: chosen as Exclude<ImportTarget, { kind: "amendment" }>,
    });
  });
  return { assignments, fieldErrors };
}
