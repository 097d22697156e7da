-- Issue 15. A2: the goods-coming-back flow of a case (return, exchange, repair), what was recorded
-- at each step (the parcel, the inspection, the shipment back), and the chat a case was opened from.
ALTER TABLE "aftersales_cases" ADD COLUMN "flow_step" text;
--> statement-breakpoint
ALTER TABLE "aftersales_cases" ADD COLUMN "conversation_id" text REFERENCES "conversations"("id");
--> statement-breakpoint
ALTER TABLE "aftersales_cases" ADD COLUMN "parcel" jsonb;
--> statement-breakpoint
ALTER TABLE "aftersales_cases" ADD COLUMN "inspection" jsonb;
--> statement-breakpoint
ALTER TABLE "aftersales_cases" ADD COLUMN "shipment" jsonb;
--> statement-breakpoint
-- A11: evidence an agent uploads to a case (photos, chat excerpts, courier records), hashed.
CREATE TABLE "case_evidence" (
  "id" text PRIMARY KEY NOT NULL,
  "case_id" text NOT NULL REFERENCES "aftersales_cases"("id") ON DELETE CASCADE,
  "shop_id" text NOT NULL REFERENCES "shops"("id"),
  "kind" text NOT NULL,
  "file_name" text NOT NULL,
  "mime" text NOT NULL,
  "size_bytes" integer NOT NULL,
  "sha256" text NOT NULL,
  "content" bytea NOT NULL,
  "note" text,
  "uploaded_by_kind" text NOT NULL,
  "uploaded_by_id" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_evidence_case_idx" ON "case_evidence" ("case_id");
--> statement-breakpoint
-- O3: the courier's pickup scan is the real ship time.
ALTER TABLE "orders" ADD COLUMN "picked_up_at" timestamp with time zone;
