CREATE TABLE "response_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"segment_mask_id" uuid,
	"timepoint_id" uuid,
	"value" jsonb NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "response_overrides" ADD CONSTRAINT "response_overrides_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_overrides" ADD CONSTRAINT "response_overrides_segment_mask_id_segment_masks_id_fk" FOREIGN KEY ("segment_mask_id") REFERENCES "public"."segment_masks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_overrides" ADD CONSTRAINT "response_overrides_timepoint_id_timepoints_id_fk" FOREIGN KEY ("timepoint_id") REFERENCES "public"."timepoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "response_overrides_patient_idx" ON "response_overrides" USING btree ("patient_id","changed_at");