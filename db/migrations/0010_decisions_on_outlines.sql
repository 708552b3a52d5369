ALTER TABLE "lesion_decisions" ALTER COLUMN "segment_mask_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lesion_review_actions" ALTER COLUMN "segment_mask_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lesion_decisions" ADD COLUMN "outline_id" uuid;--> statement-breakpoint
ALTER TABLE "lesion_decisions" ADD COLUMN "with_outline_id" uuid;--> statement-breakpoint
ALTER TABLE "lesion_review_actions" ADD COLUMN "outline_id" uuid;--> statement-breakpoint
ALTER TABLE "lesion_review_actions" ADD COLUMN "with_outline_id" uuid;--> statement-breakpoint
ALTER TABLE "lesion_decisions" ADD CONSTRAINT "lesion_decisions_outline_id_lesion_outlines_id_fk" FOREIGN KEY ("outline_id") REFERENCES "public"."lesion_outlines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_decisions" ADD CONSTRAINT "lesion_decisions_with_outline_id_lesion_outlines_id_fk" FOREIGN KEY ("with_outline_id") REFERENCES "public"."lesion_outlines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_review_actions" ADD CONSTRAINT "lesion_review_actions_outline_id_lesion_outlines_id_fk" FOREIGN KEY ("outline_id") REFERENCES "public"."lesion_outlines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_review_actions" ADD CONSTRAINT "lesion_review_actions_with_outline_id_lesion_outlines_id_fk" FOREIGN KEY ("with_outline_id") REFERENCES "public"."lesion_outlines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_decisions" ADD CONSTRAINT "lesion_decisions_one_lesion" CHECK (num_nonnulls("lesion_decisions"."segment_mask_id", "lesion_decisions"."outline_id") = 1);--> statement-breakpoint
ALTER TABLE "lesion_review_actions" ADD CONSTRAINT "lesion_review_actions_one_lesion" CHECK (num_nonnulls("lesion_review_actions"."segment_mask_id", "lesion_review_actions"."outline_id") = 1);