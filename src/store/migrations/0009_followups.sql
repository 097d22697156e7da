-- Issue 14, proactive service. scheduled_messages become the follow-up timer rows (fired once by
-- the timer loop with FOR UPDATE SKIP LOCKED, like deadlines): one row per order, flow and step.
ALTER TABLE "scheduled_messages" ADD COLUMN "buyer_id" text;
--> statement-breakpoint
ALTER TABLE "scheduled_messages" ADD COLUMN "step" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "scheduled_messages" ADD COLUMN "category" text DEFAULT 'service' NOT NULL;
--> statement-breakpoint
ALTER TABLE "scheduled_messages" ADD COLUMN "channel" text;
--> statement-breakpoint
ALTER TABLE "scheduled_messages" ADD COLUMN "lang" text;
--> statement-breakpoint
ALTER TABLE "scheduled_messages" ADD COLUMN "reason" text;
--> statement-breakpoint
ALTER TABLE "scheduled_messages" ADD COLUMN "template_id" text;
--> statement-breakpoint
ALTER TABLE "scheduled_messages" ADD COLUMN "message_id" bigint;
--> statement-breakpoint
ALTER TABLE "scheduled_messages" ADD COLUMN "fired_by" text;
--> statement-breakpoint
ALTER TABLE "scheduled_messages" ADD COLUMN "outcome" text;
--> statement-breakpoint
ALTER TABLE "scheduled_messages" ADD COLUMN "outcome_note" text;
--> statement-breakpoint
ALTER TABLE "scheduled_messages" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "scheduled_order_flow_step_uq" ON "scheduled_messages" ("order_id", "kind", "step");
--> statement-breakpoint
CREATE INDEX "scheduled_buyer_sent_idx" ON "scheduled_messages" ("shop_id", "buyer_id", "sent_at") WHERE "state" = 'sent';
--> statement-breakpoint
CREATE INDEX "scheduled_shop_kind_idx" ON "scheduled_messages" ("shop_id", "kind", "created_at");
--> statement-breakpoint
-- A shop's own switch and timing per flow (no row: on, with the timing of rules/followups.yaml).
CREATE TABLE "followup_flows" (
  "shop_id" text NOT NULL REFERENCES "shops"("id"),
  "flow" text NOT NULL,
  "enabled" boolean NOT NULL,
  "delay_hours" real,
  "steps_hours" jsonb,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_by" text,
  CONSTRAINT "followup_flows_pk" PRIMARY KEY ("shop_id", "flow")
);
--> statement-breakpoint
-- F2: a shop's own templates (checked by the reply guard when saved).
CREATE TABLE "followup_templates" (
  "id" text PRIMARY KEY NOT NULL,
  "shop_id" text NOT NULL REFERENCES "shops"("id"),
  "flow" text NOT NULL,
  "lang" text NOT NULL,
  "reason" text,
  "platform" text,
  "courier" text,
  "country" text,
  "text" text NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_by" text
);
--> statement-breakpoint
CREATE INDEX "followup_templates_shop_idx" ON "followup_templates" ("shop_id", "flow");
--> statement-breakpoint
-- F3: a buyer who asked to stop proactive messages (退订) or was opted out by an agent.
CREATE TABLE "followup_consent" (
  "shop_id" text NOT NULL REFERENCES "shops"("id"),
  "buyer_id" text NOT NULL,
  "opted_out_at" timestamp with time zone NOT NULL,
  "source" text NOT NULL,
  "message_id" bigint,
  CONSTRAINT "followup_consent_pk" PRIMARY KEY ("shop_id", "buyer_id")
);
