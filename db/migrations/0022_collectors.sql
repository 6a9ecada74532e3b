ALTER TYPE "public"."role" ADD VALUE 'collector';--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "collector_id" uuid;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_collector_id_users_id_fk" FOREIGN KEY ("collector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customers_collector_idx" ON "customers" USING btree ("collector_id");