ALTER TABLE "consultations" ADD COLUMN "covering_note_translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "body_translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "venue_translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "non_papers" ADD COLUMN "covering_note_translations" jsonb DEFAULT '{}'::jsonb NOT NULL;