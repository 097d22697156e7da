-- C9 (seed 004 第五步核实): an agent records that an order's address, phone and the buyer's message
-- were confirmed with the buyer, and the corrections or notes the buyer gave (做好备忘录). Kept apart
-- from seller_note, which a re-imported platform export overwrites.
ALTER TABLE "orders" ADD COLUMN IF NOT EXISTS "verified_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN IF NOT EXISTS "verified_by" text;
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN IF NOT EXISTS "verification_note" text;
