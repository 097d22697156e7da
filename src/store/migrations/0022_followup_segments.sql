-- Issue 14 (F4, M2): a marketing flow may be pointed at a segment of the shop's buyers — VIP
-- tier(s) and/or buyer tags, {"tiers": [...], "tags": [...]} — and then goes only to the buyers of
-- that segment (checked when each message falls due; the preview shows the same). Null: everyone.
ALTER TABLE followup_flows ADD COLUMN IF NOT EXISTS segment jsonb;
