CREATE TABLE "event_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"event" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "pipeline_step" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "pipeline_lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "pipeline_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "reply_to" bigint;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "item_ref" text;--> statement-breakpoint
CREATE INDEX "event_outbox_created_idx" ON "event_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "messages_pipeline_open_idx" ON "messages" USING btree ("pipeline_lease_until") WHERE "messages"."pipeline_step" in ('received', 'understood');