-- Issue 16 (L2, L3, T4, 质检): quiz and exam results kept per agent over time, supervisors'
-- comments on sampled real chats that the agent acknowledges, and competitor comparison tables
-- turned into standard answers. Training results live here, never in the service figures (T1).
CREATE TABLE "quiz_results" (
  "id" text PRIMARY KEY NOT NULL,
  "org_id" text NOT NULL REFERENCES "organisations"("id"),
  "shop_id" text NOT NULL REFERENCES "shops"("id"),
  "agent_id" text NOT NULL REFERENCES "agents"("id") ON DELETE CASCADE,
  -- cases: the L2 penalty-case quiz; product: an L3 practice quiz; exam: the monthly L3/T4 exam.
  "kind" text NOT NULL,
  -- The exam's Beijing month (YYYY-MM); null for practice quizzes.
  "period" text,
  "seed" integer NOT NULL,
  "correct" integer NOT NULL,
  "total" integer NOT NULL,
  "score" integer NOT NULL,
  "answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "quiz_results_agent_idx" ON "quiz_results" ("agent_id", "created_at");
--> statement-breakpoint
CREATE INDEX "quiz_results_org_idx" ON "quiz_results" ("org_id", "kind", "created_at");
--> statement-breakpoint
-- One sitting of a month's exam per agent and shop.
CREATE UNIQUE INDEX "quiz_results_exam_uq" ON "quiz_results" ("agent_id", "shop_id", "period") WHERE "kind" = 'exam';
--> statement-breakpoint
CREATE TABLE "quality_reviews" (
  "id" text PRIMARY KEY NOT NULL,
  "org_id" text NOT NULL REFERENCES "organisations"("id"),
  "shop_id" text NOT NULL REFERENCES "shops"("id"),
  "conversation_id" text NOT NULL REFERENCES "conversations"("id") ON DELETE CASCADE,
  "agent_id" text REFERENCES "agents"("id") ON DELETE SET NULL,
  "reviewer_id" text REFERENCES "agents"("id") ON DELETE SET NULL,
  -- The automatic 质检 score when the supervisor reviewed, and the supervisor's own (may differ).
  "auto_score" integer NOT NULL,
  "score" integer NOT NULL,
  "comment" text NOT NULL,
  "closed_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "quality_reviews_conversation_uq" ON "quality_reviews" ("conversation_id");
--> statement-breakpoint
CREATE INDEX "quality_reviews_agent_idx" ON "quality_reviews" ("agent_id", "created_at");
--> statement-breakpoint
CREATE TABLE "competitor_comparisons" (
  "id" text PRIMARY KEY NOT NULL,
  "shop_id" text NOT NULL REFERENCES "shops"("id"),
  "item_id" text NOT NULL REFERENCES "items"("id") ON DELETE CASCADE,
  "competitor" text NOT NULL,
  -- [{attribute, ours, theirs}] as the shop entered them.
  "rows" jsonb DEFAULT '[]'::jsonb NOT NULL,
  -- The standard-answer key the table was written to (product_info.compare.<sku>).
  "answer_key" text NOT NULL,
  "updated_by" text REFERENCES "agents"("id") ON DELETE SET NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "competitor_comparisons_uq" ON "competitor_comparisons" ("shop_id", "item_id", "competitor");
