CREATE TABLE "lesion_review_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"segment_mask_id" uuid NOT NULL,
	"with_segment_mask_id" uuid,
	"timepoint_id" uuid,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "propagated_masks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"observation_id" uuid NOT NULL,
	"image_series_id" uuid NOT NULL,
	"from_segment_mask_id" uuid,
	"voxel_count" integer NOT NULL,
	"bbox" jsonb NOT NULL,
	"stored_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lesion_review_actions" ADD CONSTRAINT "lesion_review_actions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_review_actions" ADD CONSTRAINT "lesion_review_actions_segment_mask_id_segment_masks_id_fk" FOREIGN KEY ("segment_mask_id") REFERENCES "public"."segment_masks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_review_actions" ADD CONSTRAINT "lesion_review_actions_with_segment_mask_id_segment_masks_id_fk" FOREIGN KEY ("with_segment_mask_id") REFERENCES "public"."segment_masks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_review_actions" ADD CONSTRAINT "lesion_review_actions_timepoint_id_timepoints_id_fk" FOREIGN KEY ("timepoint_id") REFERENCES "public"."timepoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propagated_masks" ADD CONSTRAINT "propagated_masks_observation_id_lesion_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."lesion_observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propagated_masks" ADD CONSTRAINT "propagated_masks_image_series_id_series_id_fk" FOREIGN KEY ("image_series_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propagated_masks" ADD CONSTRAINT "propagated_masks_from_segment_mask_id_segment_masks_id_fk" FOREIGN KEY ("from_segment_mask_id") REFERENCES "public"."segment_masks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lesion_review_actions_patient_idx" ON "lesion_review_actions" USING btree ("patient_id","decided_at");--> statement-breakpoint
CREATE INDEX "propagated_masks_observation_idx" ON "propagated_masks" USING btree ("observation_id");