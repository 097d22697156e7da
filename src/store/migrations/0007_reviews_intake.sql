-- Issue 13 (R1–R8): reviews come in from the platforms' exports and the bridge, once per review id;
-- the follow-up (追评) sits on its first review; each is analysed on arrival (R8 sentiment and
-- causes, R6 flags) and carries what the shop did about it (reply, report, recovery).
ALTER TABLE "reviews" ADD COLUMN "platform" text;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "platform_review_id" text;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "platform_order_no" text;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "buyer_account" text;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "item_title" text;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "sku" text;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "stars" integer;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "sentiment" text;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "score" real;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "causes" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "follow_up" jsonb;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "seller_reply_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "paid_fen" integer;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "status" text DEFAULT 'new' NOT NULL;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "report" jsonb;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "recovery" jsonb;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "source" text DEFAULT 'import' NOT NULL;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "raw" jsonb;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_shop_review_uq" ON "reviews" ("shop_id", "platform_review_id");
--> statement-breakpoint
CREATE INDEX "reviews_shop_at_idx" ON "reviews" ("shop_id", "at");
--> statement-breakpoint
CREATE INDEX "reviews_shop_status_idx" ON "reviews" ("shop_id", "status");
--> statement-breakpoint
CREATE INDEX "reviews_shop_order_idx" ON "reviews" ("shop_id", "platform_order_no");
