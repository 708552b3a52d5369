ALTER TABLE "signal_values" ALTER COLUMN "segment_mask_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "signal_values" ADD COLUMN "observation_id" uuid;--> statement-breakpoint
ALTER TABLE "signal_values" ADD CONSTRAINT "signal_values_observation_id_lesion_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."lesion_observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "signal_values_observation_signal_idx" ON "signal_values" USING btree ("observation_id","signal_id");--> statement-breakpoint
ALTER TABLE "signal_values" ADD CONSTRAINT "signal_values_one_mask" CHECK (("signal_values"."segment_mask_id" is null) <> ("signal_values"."observation_id" is null));