// The life of a consultation: draft -> open (circulated) -> closed -> compiled. Only forward,
// one step at a time, and only by the secretariat (checked by the models that move it).

export const CONSULTATION_STATUSES = ["draft", "open", "closed", "compiled"] as const;

export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** The status after `status`, or null when it is the last. */
export function nextStatus(status: ConsultationStatus): ConsultationStatus | null {
  return CONSULTATION_STATUSES[CONSULTATION_STATUSES.indexOf(status) + 1] ?? null;
}

/** Whether `from` may move to `to`: exactly one step forward. */
export function canMoveStatus(from: ConsultationStatus, to: ConsultationStatus): boolean {
  return nextStatus(from) === to;
}

/** Structural changes (agenda items, points, their order) are for drafts only. */
export function isEditableStructure(status: ConsultationStatus): boolean {
  return status === "draft";
}

/** Point wording, registrations and invitations may change until the CRP is compiled. */
export function isActive(status: ConsultationStatus): boolean {
  return status !== "compiled";
}
