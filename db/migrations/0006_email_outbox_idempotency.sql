ALTER TABLE "email_outbox" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "email_outbox_idempotency_uq" ON "email_outbox" USING btree ("idempotency_key");