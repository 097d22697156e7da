-- Issue 12, learning from the agents: an agent relabels the intent the bot read in a buyer message.
-- One correction per message (a second relabel updates it); it becomes one of the shop's training
-- examples, and `retrained_at` is set when a shop model trained with it is serving.
CREATE TABLE "intent_corrections" (
	"id" text PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL REFERENCES "shops"("id"),
	"conversation_id" text NOT NULL REFERENCES "conversations"("id"),
	"message_id" bigint NOT NULL REFERENCES "messages"("id"),
	"text" text NOT NULL,
	"old_intent" text,
	"new_intent" text NOT NULL,
	"agent_id" text,
	"example_id" text REFERENCES "training_examples"("id") ON DELETE SET NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retrained_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "intent_corrections_message_uq" ON "intent_corrections" ("message_id");
--> statement-breakpoint
CREATE INDEX "intent_corrections_shop_idx" ON "intent_corrections" ("shop_id", "retrained_at");
--> statement-breakpoint
-- Each retrain of a shop model that had corrections: how the model before and the model after read
-- the shop's corrected messages (accuracy) and which messages changed.
CREATE TABLE "nlu_retrains" (
	"id" text PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL REFERENCES "shops"("id"),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"examples" integer NOT NULL,
	"corrections" integer NOT NULL,
	"newly_included" integer NOT NULL,
	"accuracy_before" real,
	"accuracy_after" real,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "nlu_retrains_shop_at_idx" ON "nlu_retrains" ("shop_id", "at");
