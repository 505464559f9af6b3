// Which of a consultation's pages the frame's navigation bar offers a reader, in the order of the
// work. Pure; the loaders' guards decide access for real, and tests/unit/permissions.test.ts and
// tests/db/consultation-frame.test.ts keep this list in step with them.
// Who may do what is app/lib/permissions.ts's: this only adds whether there is anything there yet.
import type { ConsultationStatus } from "~/lib/consultation-status";
import { maySeeMission } from "~/lib/focal-point";
import {
  mayCloseReflectionPeriod,
  mayManageConsultation,
  mayManageSubmissions,
  mayReadComments,
  mayReadCrp,
  maySeeAuditLog,
  mayTranslate,
  mayWriteSubmission,
  type Role,
} from "~/lib/permissions";

export type { Role };

export const CONSULTATION_PAGES = [
  "overview",
  "agenda",
  "registrations",
  "groups",
  "circulation",
  "closing",
  "submissions",
  "translations",
  "sideBySide",
  "matrix",
  "crp",
  "revision",
  "audit",
  "submission",
  "joint",
  "alignments",
  "mission",
  "dispositions",
] as const;

export type ConsultationPage = (typeof CONSULTATION_PAGES)[number];

/** The pages of the navigation bar for this reader, at this stage of the consultation. */
export function consultationPages(
  role: Role,
  status: ConsultationStatus,
  circulated: boolean,
  dispositionsPublished = false,
  laterRound = false,
): ConsultationPage[] {
  const reader = { role };
  const consultation = { status };
  const open = (page: ConsultationPage): boolean => {
    switch (page) {
      case "overview":
        return true;
      case "agenda":
      case "registrations":
      case "groups":
      case "circulation":
        return mayManageConsultation(reader);
      case "audit":
        return maySeeAuditLog(reader);
      case "closing":
        return mayCloseReflectionPeriod(reader, consultation);
      // Nothing is submitted, so nothing to list or translate, before the non-paper goes out.
      case "submissions":
        return mayManageSubmissions(reader) && status !== "draft";
      case "translations":
        return mayTranslate(reader) && status !== "draft";
      // What delegations said: for the secretariat and the chairs once there is something to read.
      case "sideBySide":
      case "matrix":
        return mayReadComments(reader) && circulated;
      case "crp":
        return mayReadCrp(reader) && circulated;
      // The Chair's revised text a later round circulates, with its links to the comments before.
      case "revision":
        return mayReadComments(reader) && laterRound;
      // The delegation's own submission (a delegate sees only circulated consultations), who it
      // speaks for and its co-sponsors, and its alignments with others' comments (issue 19).
      case "submission":
      case "joint":
      case "alignments":
        return mayWriteSubmission(reader);
      // The mission's delegates, which its focal point manages (issue 19).
      case "mission":
        return maySeeMission(reader);
      // What became of its comments, once the secretariat shows the dispositions to delegations.
      case "dispositions":
        return mayWriteSubmission(reader) && dispositionsPublished;
    }
  };
  return CONSULTATION_PAGES.filter(open);
}
