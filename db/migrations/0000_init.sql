CREATE TYPE "public"."comment_kind" AS ENUM('general', 'point', 'amendment', 'new_proposal');--> statement-breakpoint
CREATE TYPE "public"."consultation_status" AS ENUM('draft', 'open', 'closed', 'compiled');--> statement-breakpoint
CREATE TYPE "public"."delegation_kind" AS ENUM('member_state', 'observer_state', 'non_member_state', 'regional_economic_integration_organization', 'intergovernmental_organization');--> statement-breakpoint
CREATE TYPE "public"."document_kind" AS ENUM('non_paper', 'note_verbale', 'crp');--> statement-breakpoint
CREATE TYPE "public"."document_status" AS ENUM('draft', 'final');--> statement-breakpoint
CREATE TYPE "public"."language" AS ENUM('ar', 'zh', 'en', 'fr', 'ru', 'es');--> statement-breakpoint
CREATE TYPE "public"."late_decision" AS ENUM('pending', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."meeting_format" AS ENUM('in_person', 'hybrid', 'online');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."participation" AS ENUM('state_party', 'signatory', 'observer');--> statement-breakpoint
CREATE TYPE "public"."point_version_source" AS ENUM('draft_report', 'non_paper', 'revision');--> statement-breakpoint
CREATE TYPE "public"."review_tag" AS ENUM('supports', 'proposes_amendment', 'objects', 'new_proposal', 'general', 'needs_follow_up');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('secretariat', 'chair', 'delegate');--> statement-breakpoint
CREATE TYPE "public"."submission_source" AS ENUM('editor', 'email_import');--> statement-breakpoint
CREATE TYPE "public"."submission_status" AS ENUM('draft', 'submitted', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."translation_status" AS ENUM('draft', 'final');--> statement-breakpoint
CREATE TABLE "delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" "delegation_kind" NOT NULL,
	"iso2" text,
	"iso3" text,
	"m49" text,
	"name_ar" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_es" text NOT NULL,
	"article_fr" text,
	"article_es" text,
	"formal_name_en" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"role" "user_role" NOT NULL,
	"delegation_id" uuid,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_user_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"ip_address" text NOT NULL,
	"succeeded" integer DEFAULT 0 NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_agent" text,
	"ip_address" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"role" "user_role" NOT NULL,
	"delegation_id" uuid,
	"language" "language" DEFAULT 'en' NOT NULL,
	"time_zone" text,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_delegate_has_delegation" CHECK (("users"."role" = 'delegate') = ("users"."delegation_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"number" text,
	"heading" text,
	"title" text NOT NULL,
	"introduction" text,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_chairs" (
	"consultation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_chairs_consultation_id_user_id_pk" PRIMARY KEY("consultation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" "consultation_status" DEFAULT 'draft' NOT NULL,
	"working_language" "language" DEFAULT 'en' NOT NULL,
	"deadline" timestamp with time zone,
	"receipt_prefix" text NOT NULL,
	"crp_symbol" text,
	"parent_session" text,
	"parent_session_venue" text,
	"parent_session_start_date" date,
	"parent_session_end_date" date,
	"parent_agenda_item_number" text,
	"parent_agenda_item_title" text,
	"provisional_agenda_symbol" text,
	"reflection_approved_on" date,
	"reflection_approval_method" text,
	"introduction_note" text,
	"covering_note" text,
	"circulated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"compiled_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discussion_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body" text NOT NULL,
	"parent_body" text,
	"symbol_prefix" text NOT NULL,
	"session" text NOT NULL,
	"venue" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"format" "meeting_format" NOT NULL,
	"time_zone" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "non_paper_points" (
	"non_paper_id" uuid NOT NULL,
	"point_version_id" uuid NOT NULL,
	CONSTRAINT "non_paper_points_non_paper_id_point_version_id_pk" PRIMARY KEY("non_paper_id","point_version_id")
);
--> statement-breakpoint
CREATE TABLE "non_papers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"circulated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"circulated_by" uuid,
	"covering_note" text
);
--> statement-breakpoint
CREATE TABLE "point_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"point_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"text" text NOT NULL,
	"source" "point_version_source" NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_versions_number_positive" CHECK ("point_versions"."version_number" > 0)
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"delegation_id" uuid NOT NULL,
	"participation" "participation" DEFAULT 'state_party' NOT NULL,
	"deadline_extended_to" timestamp with time zone,
	"registered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"revision_id" uuid,
	"kind" "comment_kind" NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"point_id" uuid,
	"base_point_version_id" uuid,
	"label" text,
	"position" integer DEFAULT 0 NOT NULL,
	"language" "language" NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"proposed_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comments_point_kinds_have_point" CHECK (("comments"."kind" IN ('point', 'amendment')) = ("comments"."point_id" IS NOT NULL)),
	CONSTRAINT "comments_amendment_has_text" CHECK ("comments"."kind" <> 'amendment' OR "comments"."proposed_text" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "submission_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"revision_number" integer NOT NULL,
	"receipt_number" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"language" "language" NOT NULL,
	"source" "submission_source" DEFAULT 'editor' NOT NULL,
	"attachment_id" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid,
	"superseded_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"late" "late_decision",
	"late_decided_by" uuid,
	"late_decided_at" timestamp with time zone,
	"late_reason" text
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"delegation_id" uuid NOT NULL,
	"status" "submission_status" DEFAULT 'draft' NOT NULL,
	"language" "language" DEFAULT 'en' NOT NULL,
	"draft_version" integer DEFAULT 0 NOT NULL,
	"draft_updated_at" timestamp with time zone,
	"draft_updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chair_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"comment_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"tag" "review_tag",
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "translations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"comment_id" uuid NOT NULL,
	"target_language" "language" DEFAULT 'en' NOT NULL,
	"status" "translation_status" DEFAULT 'draft' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"proposed_text" text,
	"source_body" text NOT NULL,
	"source_proposed_text" text,
	"machine_assisted" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"translator_id" uuid,
	"finalized_by" uuid,
	"finalized_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "generated_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"kind" "document_kind" NOT NULL,
	"version_number" integer NOT NULL,
	"status" "document_status" DEFAULT 'draft' NOT NULL,
	"model" jsonb NOT NULL,
	"source_digest" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"consultation_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip_address" text
);
--> statement-breakpoint
CREATE TABLE "notification_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_user_id" uuid,
	"recipient_email" text NOT NULL,
	"language" "language" NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"consultation_id" uuid,
	"dedupe_key" text,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_user_id_users_id_fk" FOREIGN KEY ("accepted_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_chairs" ADD CONSTRAINT "consultation_chairs_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_chairs" ADD CONSTRAINT "consultation_chairs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_points" ADD CONSTRAINT "discussion_points_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "non_paper_points" ADD CONSTRAINT "non_paper_points_non_paper_id_non_papers_id_fk" FOREIGN KEY ("non_paper_id") REFERENCES "public"."non_papers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "non_paper_points" ADD CONSTRAINT "non_paper_points_point_version_id_point_versions_id_fk" FOREIGN KEY ("point_version_id") REFERENCES "public"."point_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "non_papers" ADD CONSTRAINT "non_papers_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "non_papers" ADD CONSTRAINT "non_papers_circulated_by_users_id_fk" FOREIGN KEY ("circulated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_versions" ADD CONSTRAINT "point_versions_point_id_discussion_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."discussion_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_versions" ADD CONSTRAINT "point_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_revision_id_submission_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."submission_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_point_id_discussion_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."discussion_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_base_point_version_id_point_versions_id_fk" FOREIGN KEY ("base_point_version_id") REFERENCES "public"."point_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_revisions" ADD CONSTRAINT "submission_revisions_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_revisions" ADD CONSTRAINT "submission_revisions_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_revisions" ADD CONSTRAINT "submission_revisions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_revisions" ADD CONSTRAINT "submission_revisions_late_decided_by_users_id_fk" FOREIGN KEY ("late_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_draft_updated_by_users_id_fk" FOREIGN KEY ("draft_updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chair_reviews" ADD CONSTRAINT "chair_reviews_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chair_reviews" ADD CONSTRAINT "chair_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "translations" ADD CONSTRAINT "translations_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "translations" ADD CONSTRAINT "translations_translator_id_users_id_fk" FOREIGN KEY ("translator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "translations" ADD CONSTRAINT "translations_finalized_by_users_id_fk" FOREIGN KEY ("finalized_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generated_documents" ADD CONSTRAINT "generated_documents_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generated_documents" ADD CONSTRAINT "generated_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "delegations_code_key" ON "delegations" USING btree ("code");--> statement-breakpoint
CREATE INDEX "delegations_name_en_idx" ON "delegations" USING btree ("name_en");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "invitations" USING btree ("email");--> statement-breakpoint
CREATE INDEX "login_attempts_email_idx" ON "login_attempts" USING btree ("email","attempted_at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_idx" ON "login_attempts" USING btree ("ip_address","attempted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_delegation_idx" ON "users" USING btree ("delegation_id");--> statement-breakpoint
CREATE INDEX "agenda_items_consultation_idx" ON "agenda_items" USING btree ("consultation_id","position");--> statement-breakpoint
CREATE INDEX "consultation_chairs_user_idx" ON "consultation_chairs" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "consultations_meeting_idx" ON "consultations" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_receipt_prefix_key" ON "consultations" USING btree ("receipt_prefix");--> statement-breakpoint
CREATE INDEX "discussion_points_agenda_item_idx" ON "discussion_points" USING btree ("agenda_item_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "non_papers_consultation_number_key" ON "non_papers" USING btree ("consultation_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "point_versions_point_number_key" ON "point_versions" USING btree ("point_id","version_number");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_consultation_delegation_key" ON "registrations" USING btree ("consultation_id","delegation_id");--> statement-breakpoint
CREATE INDEX "registrations_delegation_idx" ON "registrations" USING btree ("delegation_id");--> statement-breakpoint
CREATE INDEX "comments_submission_idx" ON "comments" USING btree ("submission_id","revision_id");--> statement-breakpoint
CREATE INDEX "comments_revision_idx" ON "comments" USING btree ("revision_id");--> statement-breakpoint
CREATE INDEX "comments_point_idx" ON "comments" USING btree ("point_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_revisions_number_key" ON "submission_revisions" USING btree ("submission_id","revision_number");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_revisions_receipt_key" ON "submission_revisions" USING btree ("receipt_number");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_revisions_idempotency_key" ON "submission_revisions" USING btree ("submission_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_consultation_delegation_key" ON "submissions" USING btree ("consultation_id","delegation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chair_reviews_comment_reviewer_key" ON "chair_reviews" USING btree ("comment_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "chair_reviews_reviewer_idx" ON "chair_reviews" USING btree ("reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "translations_comment_language_key" ON "translations" USING btree ("comment_id","target_language");--> statement-breakpoint
CREATE UNIQUE INDEX "generated_documents_version_key" ON "generated_documents" USING btree ("consultation_id","kind","version_number");--> statement-breakpoint
CREATE INDEX "generated_documents_consultation_idx" ON "generated_documents" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "audit_log_consultation_idx" ON "audit_log" USING btree ("consultation_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "notification_outbox_status_idx" ON "notification_outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_outbox_dedupe_key" ON "notification_outbox" USING btree ("dedupe_key");