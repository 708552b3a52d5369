ALTER TABLE "series" ADD COLUMN "contrast_phase" text;--> statement-breakpoint
ALTER TABLE "series" ADD COLUMN "contrast_phase_source" text DEFAULT 'auto' NOT NULL;