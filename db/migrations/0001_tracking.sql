CREATE TABLE "lesion_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"segment_mask_id" uuid NOT NULL,
	"with_segment_mask_id" uuid,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lesion_observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"track_id" uuid NOT NULL,
	"timepoint_id" uuid NOT NULL,
	"segment_mask_id" uuid,
	"present" boolean NOT NULL,
	"source" text NOT NULL,
	"volume_ml" real,
	"longest_diameter_mm" real,
	"short_axis_mm" real,
	"centroid_mm" jsonb,
	"centroid_baseline_mm" jsonb,
	"confidence" real,
	"review_flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lesion_tracks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"label" text NOT NULL,
	"status" text NOT NULL,
	"events" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"timepoint_id" uuid NOT NULL,
	"baseline_timepoint_id" uuid NOT NULL,
	"status" text NOT NULL,
	"method" text NOT NULL,
	"reason" text,
	"matrix" jsonb NOT NULL,
	"quality" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lesion_decisions" ADD CONSTRAINT "lesion_decisions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_decisions" ADD CONSTRAINT "lesion_decisions_segment_mask_id_segment_masks_id_fk" FOREIGN KEY ("segment_mask_id") REFERENCES "public"."segment_masks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_decisions" ADD CONSTRAINT "lesion_decisions_with_segment_mask_id_segment_masks_id_fk" FOREIGN KEY ("with_segment_mask_id") REFERENCES "public"."segment_masks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_observations" ADD CONSTRAINT "lesion_observations_track_id_lesion_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."lesion_tracks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_observations" ADD CONSTRAINT "lesion_observations_timepoint_id_timepoints_id_fk" FOREIGN KEY ("timepoint_id") REFERENCES "public"."timepoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_observations" ADD CONSTRAINT "lesion_observations_segment_mask_id_segment_masks_id_fk" FOREIGN KEY ("segment_mask_id") REFERENCES "public"."segment_masks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_tracks" ADD CONSTRAINT "lesion_tracks_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_timepoint_id_timepoints_id_fk" FOREIGN KEY ("timepoint_id") REFERENCES "public"."timepoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_baseline_timepoint_id_timepoints_id_fk" FOREIGN KEY ("baseline_timepoint_id") REFERENCES "public"."timepoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lesion_decisions_patient_idx" ON "lesion_decisions" USING btree ("patient_id","decided_at");--> statement-breakpoint
CREATE INDEX "lesion_observations_track_idx" ON "lesion_observations" USING btree ("track_id");--> statement-breakpoint
CREATE INDEX "lesion_tracks_patient_idx" ON "lesion_tracks" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "registrations_patient_idx" ON "registrations" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_timepoint_idx" ON "registrations" USING btree ("timepoint_id");