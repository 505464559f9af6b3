CREATE TABLE "point_answers" (
	"point_id" uuid NOT NULL,
	"comment_id" uuid NOT NULL,
	"linked_by" uuid,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_answers_point_id_comment_id_pk" PRIMARY KEY("point_id","comment_id")
);
--> statement-breakpoint
CREATE TABLE "point_origins" (
	"point_id" uuid NOT NULL,
	"origin_point_id" uuid NOT NULL,
	CONSTRAINT "point_origins_point_id_origin_point_id_pk" PRIMARY KEY("point_id","origin_point_id")
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "previous_round_id" uuid;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "point_answers" ADD CONSTRAINT "point_answers_point_id_discussion_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."discussion_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_answers" ADD CONSTRAINT "point_answers_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_answers" ADD CONSTRAINT "point_answers_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_origins" ADD CONSTRAINT "point_origins_point_id_discussion_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."discussion_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_origins" ADD CONSTRAINT "point_origins_origin_point_id_discussion_points_id_fk" FOREIGN KEY ("origin_point_id") REFERENCES "public"."discussion_points"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "point_answers_comment_idx" ON "point_answers" USING btree ("comment_id");--> statement-breakpoint
CREATE INDEX "point_origins_origin_idx" ON "point_origins" USING btree ("origin_point_id");--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_previous_round_id_consultations_id_fk" FOREIGN KEY ("previous_round_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_previous_round_key" ON "consultations" USING btree ("previous_round_id");