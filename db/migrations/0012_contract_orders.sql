ALTER TYPE "public"."order_status" ADD VALUE 'paused';--> statement-breakpoint
ALTER TYPE "public"."order_status" ADD VALUE 'completed';--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "contract" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "quantity" integer DEFAULT 1 NOT NULL;