-- Issue 11 wiring. D5: an item may carry its own 包邮 promise (null: the shop's setting applies).
ALTER TABLE "items" ADD COLUMN "free_shipping" boolean;
--> statement-breakpoint
-- D8: a promise's due time (when it is judged), when and why it was settled (kept / broken / void).
ALTER TABLE "promises" ADD COLUMN "due_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "promises" ADD COLUMN "settled_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "promises" ADD COLUMN "settled_note" text;
--> statement-breakpoint
CREATE INDEX "promises_order_idx" ON "promises" ("order_id") WHERE "state" = 'open';
--> statement-breakpoint
CREATE INDEX "promises_conversation_idx" ON "promises" ("conversation_id");
