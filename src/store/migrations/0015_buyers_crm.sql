-- Issue 14, M3: when an item stopped being listed, so the store's figures per month (items
-- listed, items sold, sell-through rate) count an item in every month it was on sale. The
-- trigger keeps it for every writer (settings, imports): listed → unlisted sets it, relisting
-- clears it (the item then counts from its creation again). Items unlisted before this migration
-- have no date and count in no month (their history was never kept).
ALTER TABLE "items" ADD COLUMN "delisted_at" timestamp with time zone;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dxe_items_listing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.listed IS DISTINCT FROM OLD.listed THEN
    NEW.delisted_at := CASE WHEN NEW.listed THEN NULL ELSE now() END;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER items_listing BEFORE UPDATE OF "listed" ON "items" FOR EACH ROW EXECUTE FUNCTION dxe_items_listing();
