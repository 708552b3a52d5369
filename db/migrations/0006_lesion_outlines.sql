CREATE TABLE "lesion_outlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"timepoint_id" uuid NOT NULL,
	"image_series_id" uuid NOT NULL,
	"seed_voxel" jsonb NOT NULL,
	"method" text NOT NULL,
	"threshold_suv" real NOT NULL,
	"local_max_suv" real NOT NULL,
	"voxel_count" integer NOT NULL,
	"bbox" jsonb NOT NULL,
	"stored_path" text NOT NULL,
	"reached_bound" boolean NOT NULL,
	"outlined_by" text NOT NULL,
	"with_segment_mask_id" uuid,
	"with_outline_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lesion_observations" ADD COLUMN "outline_id" uuid;--> statement-breakpoint
ALTER TABLE "lesion_outlines" ADD CONSTRAINT "lesion_outlines_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_outlines" ADD CONSTRAINT "lesion_outlines_timepoint_id_timepoints_id_fk" FOREIGN KEY ("timepoint_id") REFERENCES "public"."timepoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_outlines" ADD CONSTRAINT "lesion_outlines_image_series_id_series_id_fk" FOREIGN KEY ("image_series_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_outlines" ADD CONSTRAINT "lesion_outlines_with_segment_mask_id_segment_masks_id_fk" FOREIGN KEY ("with_segment_mask_id") REFERENCES "public"."segment_masks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_outlines" ADD CONSTRAINT "lesion_outlines_with_outline_id_lesion_outlines_id_fk" FOREIGN KEY ("with_outline_id") REFERENCES "public"."lesion_outlines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lesion_outlines_patient_idx" ON "lesion_outlines" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "lesion_outlines_series_idx" ON "lesion_outlines" USING btree ("image_series_id");--> statement-breakpoint
ALTER TABLE "lesion_observations" ADD CONSTRAINT "lesion_observations_outline_id_lesion_outlines_id_fk" FOREIGN KEY ("outline_id") REFERENCES "public"."lesion_outlines"("id") ON DELETE cascade ON UPDATE no action;