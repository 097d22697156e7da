-- Issue 15: a case opened from a bad review keeps the review it came from (review → order → buyer).
ALTER TABLE "aftersales_cases" ADD COLUMN "review_id" text REFERENCES "reviews"("id");
--> statement-breakpoint
CREATE INDEX "cases_review_idx" ON "aftersales_cases" ("review_id");
--> statement-breakpoint
-- Issue 15, O2: a case on an order in another currency (AliExpress: USD, EUR…) keeps its amount in
-- that currency's minor units; amount_fen stays CNY fen (0 for another currency), as on orders.
ALTER TABLE "aftersales_cases" ADD COLUMN "currency" text NOT NULL DEFAULT 'CNY';
--> statement-breakpoint
ALTER TABLE "aftersales_cases" ADD COLUMN "amount_minor" bigint;
--> statement-breakpoint
UPDATE "aftersales_cases" SET "amount_minor" = "amount_fen";
--> statement-breakpoint
-- Issue 15, A8: a refund or dispute rate that crossed its threshold, raised once per shop, Beijing
-- month, scope ('' for the whole shop, else the item id) and kind; the row is what makes the
-- supervisors' alert appear once and not on every request.
CREATE TABLE "rate_alerts" (
  "id" text PRIMARY KEY NOT NULL,
  "shop_id" text NOT NULL REFERENCES "shops"("id"),
  "month" text NOT NULL,
  "scope" text NOT NULL,
  "kind" text NOT NULL,
  "message_zh" text NOT NULL,
  "raised_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "rate_alerts_uq" ON "rate_alerts" ("shop_id", "month", "scope", "kind");
