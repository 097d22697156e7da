-- Issue 10: API tokens get explicit scopes (bridge, read, admin). Every token issued before this
-- migration was made for a marketplace bridge, so existing rows become bridge tokens.
ALTER TABLE "api_tokens" ADD COLUMN "scopes" text[] DEFAULT '{bridge}' NOT NULL;
--> statement-breakpoint
-- One-time WebSocket tickets (the workbench socket no longer carries its session token in the URL).
CREATE TABLE "ws_tickets" (
	"ticket_hash" text PRIMARY KEY NOT NULL,
	"token_kind" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ws_tickets_expires_idx" ON "ws_tickets" USING btree ("expires_at");
