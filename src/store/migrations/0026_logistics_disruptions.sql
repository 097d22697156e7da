-- O7 (seed 004: 恶劣天气以及法定节假日都会有延迟耽搁现象): a shop's logistics disruptions — provinces,
-- a span of Beijing days (to = expected recovery), the cause (暴雪/台风/暴雨/疫情管控/大促爆仓/节假日/
-- other with a note) and optionally a courier — entered in 设置 › 物流异常; the delay notice and the
-- bot's tracking answer name them for parcels to those provinces.
CREATE TABLE IF NOT EXISTS "logistics_disruptions" (
  "id" text PRIMARY KEY NOT NULL,
  "shop_id" text NOT NULL REFERENCES "shops"("id"),
  "provinces" jsonb NOT NULL,
  "from_day" text NOT NULL,
  "to_day" text NOT NULL,
  "cause" text NOT NULL,
  "note" text,
  "courier" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_by" text
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "logistics_disruptions_shop_idx" ON "logistics_disruptions" ("shop_id", "to_day");
