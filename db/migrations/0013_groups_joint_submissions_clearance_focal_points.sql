CREATE TYPE "public"."group_kind" AS ENUM('regional', 'political', 'integration', 'ad_hoc');--> statement-breakpoint
CREATE TABLE "alignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"delegation_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"receipt_number" text NOT NULL,
	"aligned_by" uuid,
	"aligned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "submission_cosponsors" (
	"submission_id" uuid NOT NULL,
	"delegation_id" uuid NOT NULL,
	"invited_by" uuid,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "submission_cosponsors_submission_id_delegation_id_pk" PRIMARY KEY("submission_id","delegation_id")
);
--> statement-breakpoint
CREATE TABLE "group_coordinators" (
	"consultation_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"delegation_id" uuid NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_coordinators_consultation_id_group_id_pk" PRIMARY KEY("consultation_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "group_members" (
	"group_id" uuid NOT NULL,
	"delegation_id" uuid NOT NULL,
	CONSTRAINT "group_members_group_id_delegation_id_pk" PRIMARY KEY("group_id","delegation_id")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid,
	"code" text NOT NULL,
	"kind" "group_kind" NOT NULL,
	"name_ar" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_es" text NOT NULL,
	"article_fr" text,
	"article_es" text,
	"membership_as_of" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "delegations" ADD COLUMN "clearance_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "approver" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "focal_point_id" uuid;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "delegate_limit" integer;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "on_behalf_of_group_id" uuid;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "clearance_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "clearance_requested_by" uuid;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "cleared_draft_version" integer;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "cleared_by" uuid;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "cleared_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alignments" ADD CONSTRAINT "alignments_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alignments" ADD CONSTRAINT "alignments_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alignments" ADD CONSTRAINT "alignments_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alignments" ADD CONSTRAINT "alignments_aligned_by_users_id_fk" FOREIGN KEY ("aligned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_cosponsors" ADD CONSTRAINT "submission_cosponsors_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_cosponsors" ADD CONSTRAINT "submission_cosponsors_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_cosponsors" ADD CONSTRAINT "submission_cosponsors_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_cosponsors" ADD CONSTRAINT "submission_cosponsors_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_coordinators" ADD CONSTRAINT "group_coordinators_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_coordinators" ADD CONSTRAINT "group_coordinators_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_coordinators" ADD CONSTRAINT "group_coordinators_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_coordinators" ADD CONSTRAINT "group_coordinators_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alignments_delegation_submission_key" ON "alignments" USING btree ("delegation_id","submission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "alignments_receipt_key" ON "alignments" USING btree ("receipt_number");--> statement-breakpoint
CREATE INDEX "alignments_consultation_idx" ON "alignments" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "submission_cosponsors_delegation_idx" ON "submission_cosponsors" USING btree ("delegation_id");--> statement-breakpoint
CREATE INDEX "group_members_delegation_idx" ON "group_members" USING btree ("delegation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "groups_consultation_code_key" ON "groups" USING btree ("consultation_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "groups_standing_code_key" ON "groups" USING btree ("code") WHERE "groups"."consultation_id" is null;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_focal_point_id_users_id_fk" FOREIGN KEY ("focal_point_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_on_behalf_of_group_id_groups_id_fk" FOREIGN KEY ("on_behalf_of_group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_clearance_requested_by_users_id_fk" FOREIGN KEY ("clearance_requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_cleared_by_users_id_fk" FOREIGN KEY ("cleared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;