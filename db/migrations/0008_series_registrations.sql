CREATE TABLE "series_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"timepoint_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"reference_series_id" uuid NOT NULL,
	"status" text NOT NULL,
	"method" text NOT NULL,
	"reason" text,
	"matrix" jsonb NOT NULL,
	"quality" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "series_registrations" ADD CONSTRAINT "series_registrations_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_registrations" ADD CONSTRAINT "series_registrations_timepoint_id_timepoints_id_fk" FOREIGN KEY ("timepoint_id") REFERENCES "public"."timepoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_registrations" ADD CONSTRAINT "series_registrations_series_id_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_registrations" ADD CONSTRAINT "series_registrations_reference_series_id_series_id_fk" FOREIGN KEY ("reference_series_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "series_registrations_patient_idx" ON "series_registrations" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "series_registrations_series_idx" ON "series_registrations" USING btree ("series_id");