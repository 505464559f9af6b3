import { relations } from "drizzle-orm";
import {
  agendaItems,
  consultationChairs,
  consultations,
  discussionPoints,
  meetings,
  nonPaperPoints,
  nonPapers,
  pointVersions,
  registrations,
} from "./consultations";
import { delegations } from "./delegations";
import { chairReviews, translations } from "./review";
import { comments, submissionRevisions, submissions } from "./submissions";
import { sessions, users } from "./users";

export const usersRelations = relations(users, ({ one, many }) => ({
  delegation: one(delegations, { fields: [users.delegationId], references: [delegations.id] }),
  sessions: many(sessions),
}));

export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));

export const meetingsRelations = relations(meetings, ({ many }) => ({
  consultations: many(consultations),
}));

export const consultationsRelations = relations(consultations, ({ one, many }) => ({
  meeting: one(meetings, { fields: [consultations.meetingId], references: [meetings.id] }),
  agendaItems: many(agendaItems),
  chairs: many(consultationChairs),
  registrations: many(registrations),
  nonPapers: many(nonPapers),
  submissions: many(submissions),
}));

export const consultationChairsRelations = relations(consultationChairs, ({ one }) => ({
  consultation: one(consultations, {
    fields: [consultationChairs.consultationId],
    references: [consultations.id],
  }),
  user: one(users, { fields: [consultationChairs.userId], references: [users.id] }),
}));

export const agendaItemsRelations = relations(agendaItems, ({ one, many }) => ({
  consultation: one(consultations, { fields: [agendaItems.consultationId], references: [consultations.id] }),
  points: many(discussionPoints),
}));

export const discussionPointsRelations = relations(discussionPoints, ({ one, many }) => ({
  agendaItem: one(agendaItems, { fields: [discussionPoints.agendaItemId], references: [agendaItems.id] }),
  versions: many(pointVersions),
}));

export const pointVersionsRelations = relations(pointVersions, ({ one }) => ({
  point: one(discussionPoints, { fields: [pointVersions.pointId], references: [discussionPoints.id] }),
}));

export const nonPapersRelations = relations(nonPapers, ({ one, many }) => ({
  consultation: one(consultations, { fields: [nonPapers.consultationId], references: [consultations.id] }),
  points: many(nonPaperPoints),
}));

export const nonPaperPointsRelations = relations(nonPaperPoints, ({ one }) => ({
  nonPaper: one(nonPapers, { fields: [nonPaperPoints.nonPaperId], references: [nonPapers.id] }),
  pointVersion: one(pointVersions, { fields: [nonPaperPoints.pointVersionId], references: [pointVersions.id] }),
}));

export const registrationsRelations = relations(registrations, ({ one }) => ({
  consultation: one(consultations, { fields: [registrations.consultationId], references: [consultations.id] }),
  delegation: one(delegations, { fields: [registrations.delegationId], references: [delegations.id] }),
}));

export const submissionsRelations = relations(submissions, ({ one, many }) => ({
  consultation: one(consultations, { fields: [submissions.consultationId], references: [consultations.id] }),
  delegation: one(delegations, { fields: [submissions.delegationId], references: [delegations.id] }),
  revisions: many(submissionRevisions),
  comments: many(comments),
}));

export const submissionRevisionsRelations = relations(submissionRevisions, ({ one, many }) => ({
  submission: one(submissions, { fields: [submissionRevisions.submissionId], references: [submissions.id] }),
  comments: many(comments),
}));

export const commentsRelations = relations(comments, ({ one, many }) => ({
  submission: one(submissions, { fields: [comments.submissionId], references: [submissions.id] }),
  revision: one(submissionRevisions, { fields: [comments.revisionId], references: [submissionRevisions.id] }),
  translations: many(translations),
  reviews: many(chairReviews),
}));

export const translationsRelations = relations(translations, ({ one }) => ({
  comment: one(comments, { fields: [translations.commentId], references: [comments.id] }),
}));

export const chairReviewsRelations = relations(chairReviews, ({ one }) => ({
  comment: one(comments, { fields: [chairReviews.commentId], references: [comments.id] }),
  reviewer: one(users, { fields: [chairReviews.reviewerId], references: [users.id] }),
}));
