-- S2 (seed 000): price-protection claims (价保) an agent records on an order line (by its number:
-- a platform sync rewrites the line rows, the claims stay), with the amounts
-- the platform rule compared (fen), the rule used, who and when, and the outcome (pending → paid or
-- refused); and the red packets and shop coupon a line was paid with, where the platform says them.
ALTER TABLE "order_lines" ADD COLUMN IF NOT EXISTS "red_packet_fen" integer;
--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN IF NOT EXISTS "shop_coupon_fen" integer;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "price_protection_claims" (
  "id" text PRIMARY KEY NOT NULL,
  "shop_id" text NOT NULL REFERENCES "shops"("id"),
  "order_id" text NOT NULL REFERENCES "orders"("id") ON DELETE cascade,
  "line_no" integer NOT NULL,
  "line_title" text NOT NULL,
  "paid_fen" integer NOT NULL,
  "red_packet_fen" integer DEFAULT 0 NOT NULL,
  "shop_coupon_fen" integer DEFAULT 0 NOT NULL,
  "new_price_fen" integer NOT NULL,
  "refund_fen" integer NOT NULL,
  "rule_platform" text NOT NULL,
  "rule_zh" text NOT NULL,
  "status" text DEFAULT 'pending' NOT NULL,
  "note" text,
  "claimed_at" timestamp with time zone NOT NULL,
  "claimed_by_kind" text NOT NULL,
  "claimed_by" text,
  "settled_at" timestamp with time zone,
  "settled_by_kind" text,
  "settled_by" text,
  "settle_note" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "price_protection_claims_order_idx" ON "price_protection_claims" ("order_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "price_protection_claims_shop_idx" ON "price_protection_claims" ("shop_id", "status", "claimed_at");
