-- N2, N3, N4: what a person tells the product about a shop's penalty points — a description
-- mismatch's kind on an after-sales case (upheld or still at stake), a late-shipment compensation
-- paid to the buyer (before the platform rules: the points are waived) and the platform's ruling
-- on a complaint about a sent violation (message) or a broken promise, and a deduction the platform
-- notified that the product cannot see (manual: a special promise, a refused price). One row per
-- subject and kind; the ledger is read from these rows and the orders, promises and messages.
CREATE TABLE IF NOT EXISTS "penalty_records" (
  "id" text PRIMARY KEY NOT NULL,
  "shop_id" text NOT NULL REFERENCES "shops"("id"),
  "subject_kind" text NOT NULL,
  "subject_id" text NOT NULL,
  "kind" text NOT NULL,
  "mismatch_kind" text,
  "category" text,
  "order_id" text,
  "upheld" boolean DEFAULT false NOT NULL,
  "at" timestamp with time zone NOT NULL,
  "actor_kind" text NOT NULL,
  "actor_id" text,
  "note" text,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "penalty_records_subject_uq" ON "penalty_records" ("subject_kind", "subject_id", "kind");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "penalty_records_shop_idx" ON "penalty_records" ("shop_id", "at");
