-- F4 老客回访 by phone and mail (seed 000: 用打电话、旺旺或者email的方式关心客户). A shop picks the
-- channel of its re-visit flow; by phone the sender creates call tasks agents work in 跟进 (outcome,
-- note, retries of unreached calls, 改约 as a new task); by mail it queues a message the mail sender
-- sends through the shop's own SMTP server (retried with the error kept). Buyers' email addresses
-- are recorded by agents (personal data, masked on screen).
ALTER TABLE "followup_flows" ADD COLUMN IF NOT EXISTS "channel" text;
--> statement-breakpoint
ALTER TABLE "buyers" ADD COLUMN IF NOT EXISTS "email" text;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "revisit_calls" (
  "id" text PRIMARY KEY NOT NULL,
  "shop_id" text NOT NULL REFERENCES "shops"("id"),
  "buyer_id" text NOT NULL REFERENCES "buyers"("id"),
  "scheduled_id" bigint,
  "order_id" text,
  "previous_id" text,
  "script" text NOT NULL,
  "due_at" timestamp with time zone NOT NULL,
  "state" text DEFAULT 'open' NOT NULL,
  "attempts" integer DEFAULT 0 NOT NULL,
  "outcome" text,
  "note" text,
  "history" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_by" text
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "revisit_calls_shop_state_idx" ON "revisit_calls" ("shop_id", "state", "due_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "revisit_calls_buyer_idx" ON "revisit_calls" ("buyer_id");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "mail_outbox" (
  "id" bigserial PRIMARY KEY NOT NULL,
  "shop_id" text NOT NULL REFERENCES "shops"("id"),
  "buyer_id" text,
  "scheduled_id" bigint,
  "to_address" text NOT NULL,
  "subject" text NOT NULL,
  "body" text NOT NULL,
  "state" text DEFAULT 'pending' NOT NULL,
  "attempts" integer DEFAULT 0 NOT NULL,
  "last_error" text,
  "next_attempt_at" timestamp with time zone NOT NULL,
  "sent_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "mail_outbox_due_idx" ON "mail_outbox" ("state", "next_attempt_at");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "shop_mail_settings" (
  "shop_id" text PRIMARY KEY NOT NULL REFERENCES "shops"("id"),
  "host" text NOT NULL,
  "port" integer NOT NULL,
  "secure" boolean DEFAULT false NOT NULL,
  "username" text,
  "password" text,
  "from_address" text NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_by" text
);
