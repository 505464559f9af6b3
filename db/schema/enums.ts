import { pgEnum } from "drizzle-orm/pg-core";

// The six official UN languages; `ar` is written right to left.
export const languageEnum = pgEnum("language", ["ar", "zh", "en", "fr", "ru", "es"]);

export const roleEnum = pgEnum("user_role", ["secretariat", "chair", "delegate"]);

export const delegationKindEnum = pgEnum("delegation_kind", [
  "member_state",
  "observer_state",
  "non_member_state",
  "regional_economic_integration_organization",
  "intergovernmental_organization",
]);

// Only ever moves forward: draft -> open (circulated) -> closed -> compiled.
export const consultationStatusEnum = pgEnum("consultation_status", ["draft", "open", "closed", "compiled"]);

export const meetingFormatEnum = pgEnum("meeting_format", ["in_person", "hybrid", "online"]);

export const pointVersionSourceEnum = pgEnum("point_version_source", ["draft_report", "non_paper", "revision"]);

// How a delegation takes part in the session the consultation belongs to.
export const participationEnum = pgEnum("participation", ["state_party", "signatory", "observer"]);

export const commentKindEnum = pgEnum("comment_kind", ["general", "point", "amendment", "new_proposal"]);

export const submissionStatusEnum = pgEnum("submission_status", ["draft", "submitted", "withdrawn"]);

export const lateDecisionEnum = pgEnum("late_decision", ["pending", "accepted", "declined"]);

export const submissionSourceEnum = pgEnum("submission_source", ["editor", "email_import"]);

export const translationStatusEnum = pgEnum("translation_status", ["draft", "final"]);

export const reviewTagEnum = pgEnum("review_tag", ["supports", "proposes_amendment", "objects", "new_proposal", "general", "needs_follow_up"]);

// What became of a comment in the Chair's revised text (app/lib/dispositions.ts).
export const dispositionEnum = pgEnum("disposition", ["reflected", "partly_reflected", "not_reflected", "noted", "superseded", "withdrawn"]);

// Groups of States speaking together (issue 19): the UN regional groups, political groups (the Group
// of 77 and China), a regional economic integration organization with its member States (the EU),
// and groups formed for one consultation.
export const groupKindEnum = pgEnum("group_kind", ["regional", "political", "integration", "ad_hoc"]);

export const documentKindEnum = pgEnum("document_kind", ["non_paper", "note_verbale", "crp"]);

export const documentStatusEnum = pgEnum("document_status", ["draft", "final"]);

export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent", "failed"]);

export type OfficialLanguage = (typeof languageEnum.enumValues)[number];
