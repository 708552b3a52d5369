CREATE TABLE "pet_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"timepoint_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"pet_series_id" uuid NOT NULL,
	"placement" text NOT NULL,
	"centre_mm" jsonb,
	"radius_mm" double precision,
	"voxel_count" integer,
	"suv_mean" double precision,
	"suv_sd" double precision,
	"sul_mean" double precision,
	"sul_sd" double precision,
	"note" text,
	"engine_version" text NOT NULL,
	"changed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signal_runs" (
	"patient_id" uuid PRIMARY KEY NOT NULL,
	"engine_version" text NOT NULL,
	"settings" jsonb NOT NULL,
	"mask_count" integer NOT NULL,
	"duration_ms" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signal_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"timepoint_id" uuid NOT NULL,
	"segment_mask_id" uuid NOT NULL,
	"signal_id" text NOT NULL,
	"value" double precision,
	"unit" text NOT NULL,
	"source_series_id" uuid,
	"voxel_count" integer,
	"skipped_reason" text,
	"engine_version" text NOT NULL,
	"method" text,
	"settings" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pet_references" ADD CONSTRAINT "pet_references_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pet_references" ADD CONSTRAINT "pet_references_timepoint_id_timepoints_id_fk" FOREIGN KEY ("timepoint_id") REFERENCES "public"."timepoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pet_references" ADD CONSTRAINT "pet_references_pet_series_id_series_id_fk" FOREIGN KEY ("pet_series_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_runs" ADD CONSTRAINT "signal_runs_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_values" ADD CONSTRAINT "signal_values_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_values" ADD CONSTRAINT "signal_values_timepoint_id_timepoints_id_fk" FOREIGN KEY ("timepoint_id") REFERENCES "public"."timepoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_values" ADD CONSTRAINT "signal_values_segment_mask_id_segment_masks_id_fk" FOREIGN KEY ("segment_mask_id") REFERENCES "public"."segment_masks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_values" ADD CONSTRAINT "signal_values_source_series_id_series_id_fk" FOREIGN KEY ("source_series_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pet_references_patient_idx" ON "pet_references" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pet_references_timepoint_kind_idx" ON "pet_references" USING btree ("timepoint_id","kind");--> statement-breakpoint
CREATE INDEX "signal_values_patient_idx" ON "signal_values" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signal_values_mask_signal_idx" ON "signal_values" USING btree ("segment_mask_id","signal_id");--> statement-breakpoint
CREATE INDEX "signal_values_timepoint_idx" ON "signal_values" USING btree ("timepoint_id");