CREATE TYPE "public"."disposition" AS ENUM('reflected', 'partly_reflected', 'not_reflected', 'noted', 'superseded', 'withdrawn');--> statement-breakpoint
CREATE TABLE "comment_dispositions" (
	"comment_id" uuid PRIMARY KEY NOT NULL,
	"disposition" "disposition" NOT NULL,
	"observation" text,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comment_dispositions" ADD CONSTRAINT "comment_dispositions_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_dispositions" ADD CONSTRAINT "comment_dispositions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;