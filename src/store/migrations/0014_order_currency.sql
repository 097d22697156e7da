-- Issue 15, O2: orders in their own currency (AliExpress sells in USD, EUR…). `currency` is the
-- ISO 4217 code of the order's amounts; `*_minor` hold them in that currency's minor units
-- (cents; fen for CNY). The `*_fen` columns keep meaning CNY fen: equal to `*_minor` for a CNY
-- order, 0 for any other currency — a foreign amount is never converted or added into yuan
-- figures silently (conversions, when shown, say their rate).
ALTER TABLE "orders" ADD COLUMN "currency" text NOT NULL DEFAULT 'CNY';
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "total_minor" bigint;
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "paid_minor" bigint;
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "refund_minor" bigint;
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipping_minor" bigint;
--> statement-breakpoint
UPDATE "orders" SET "total_minor" = "total_fen", "paid_minor" = "paid_fen", "refund_minor" = "refund_fen", "shipping_minor" = "shipping_fen";
--> statement-breakpoint
-- A line's unit price in the order's currency (minor units); price_fen stays CNY fen (0 otherwise).
ALTER TABLE "order_lines" ADD COLUMN "price_minor" bigint;
--> statement-breakpoint
UPDATE "order_lines" SET "price_minor" = "price_fen";
