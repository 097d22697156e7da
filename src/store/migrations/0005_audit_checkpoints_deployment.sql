-- Issue 10 (minor, A11): signed checkpoints anchor the audit chain, so that recomputing the chain
-- or deleting its newest rows is detected by `dxe audit verify`. Each checkpoint names the last
-- audit row it covers and is signed (HMAC-SHA256, AUDIT_CHECKPOINT_KEY) together with the previous
-- checkpoint's signature.
CREATE TABLE IF NOT EXISTS "audit_checkpoints" (
  "id" bigserial PRIMARY KEY NOT NULL,
  "at" timestamp with time zone NOT NULL,
  "last_id" bigint NOT NULL,
  "last_hash" text NOT NULL,
  "row_count" bigint NOT NULL,
  "prev_signature" text NOT NULL,
  "signature" text NOT NULL
);
--> statement-breakpoint
-- Issue 10, major 6: the identity of this deployment's database, created once. Redis keys and
-- channels are prefixed with it by default, so deployments sharing a Redis never see each other.
CREATE TABLE IF NOT EXISTS "deployment" (
  "id" text PRIMARY KEY NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
INSERT INTO "deployment" ("id") SELECT replace(gen_random_uuid()::text, '-', '') WHERE NOT EXISTS (SELECT 1 FROM "deployment");
