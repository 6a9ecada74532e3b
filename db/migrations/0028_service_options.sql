ALTER TABLE "services" ADD COLUMN "options" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "cancel_at" date;--> statement-breakpoint
-- custom SQL (keep when regenerating)
-- Services placed before carry their order line's options; one whose plan changed since keeps none (they were the old plan's).
UPDATE "services" s SET "options" = l."options" FROM "order_lines" l WHERE l."id" = s."order_line_id" AND l."product_id" = s."product_id" AND l."options" <> '[]'::jsonb;
