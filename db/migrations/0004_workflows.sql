CREATE TABLE "cron_ticks" (
	"function" text NOT NULL,
	"scheduled_for" timestamp (3) with time zone NOT NULL,
	"claimed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cron_ticks_pk" PRIMARY KEY("function","scheduled_for")
);
--> statement-breakpoint
CREATE TABLE "workflow_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"event_id" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "provisioning_url" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "suspended_for_invoice_id" uuid;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "provisioned_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_events_event_uq" ON "workflow_events" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "workflow_events_pending_idx" ON "workflow_events" USING btree ("created_at") WHERE "workflow_events"."dispatched_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_function_event_uq" ON "jobs" USING btree ("function","event_id") WHERE "jobs"."event_id" is not null;