-- F4 老客回访 by phone in a team: an agent takes a call task (接手) before calling, so two agents do
-- not call the same buyer; the claim lasts revisit.call.claim_minutes unless an outcome is recorded.
ALTER TABLE "revisit_calls" ADD COLUMN IF NOT EXISTS "claimed_by" text;
--> statement-breakpoint
ALTER TABLE "revisit_calls" ADD COLUMN IF NOT EXISTS "claimed_at" timestamp with time zone;
