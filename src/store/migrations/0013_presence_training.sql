-- Issue 16, C17/T2: presence from activity. The status an agent chose (online / away / offline;
-- null = not set, online at login), when a person last acted (a write, a status change, the
-- workbench reporting input), and when supervisors were last alerted about an idle login.
ALTER TABLE "agents" ADD COLUMN "presence_choice" text;
--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "last_active_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "idle_alerted_at" timestamp with time zone;
--> statement-breakpoint
-- The organisation's presence policy; null = the project defaults (src/core/metrics/idle-agents.ts).
ALTER TABLE "organisations" ADD COLUMN "auto_away_minutes" integer;
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "idle_alert_minutes" integer;
--> statement-breakpoint
-- L1: practice sessions against a simulated buyer. Never linked to buyers, conversations or orders.
CREATE TABLE "training_sessions" (
  "id" text PRIMARY KEY NOT NULL,
  "org_id" text NOT NULL REFERENCES "organisations"("id"),
  "shop_id" text NOT NULL REFERENCES "shops"("id"),
  "trainee_id" text NOT NULL REFERENCES "agents"("id") ON DELETE CASCADE,
  "scenario_id" text NOT NULL,
  "seed" integer NOT NULL,
  "status" text DEFAULT 'open' NOT NULL,
  "outcome" text,
  "state" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "score" integer,
  "report" jsonb,
  "started_at" timestamp with time zone DEFAULT now() NOT NULL,
  "ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "training_sessions_trainee_idx" ON "training_sessions" ("trainee_id", "started_at");
--> statement-breakpoint
CREATE INDEX "training_sessions_org_idx" ON "training_sessions" ("org_id", "started_at");
--> statement-breakpoint
CREATE TABLE "training_messages" (
  "id" bigserial PRIMARY KEY NOT NULL,
  "session_id" text NOT NULL REFERENCES "training_sessions"("id") ON DELETE CASCADE,
  "seq" integer NOT NULL,
  "author" text NOT NULL,
  "text" text NOT NULL,
  "analysis" jsonb,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "training_messages_seq_uq" ON "training_messages" ("session_id", "seq");
