ALTER TYPE "public"."credit_entry_kind" ADD VALUE 'top_up';--> statement-breakpoint
ALTER TYPE "public"."invoice_purpose" ADD VALUE 'top_up';--> statement-breakpoint
CREATE TABLE "voucher_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text,
	"value" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"expires_on" date NOT NULL,
	"count" integer NOT NULL,
	"created_by_id" uuid,
	"voided_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voucher_batches_value_positive_ck" CHECK ("voucher_batches"."value" > 0),
	CONSTRAINT "voucher_batches_count_positive_ck" CHECK ("voucher_batches"."count" > 0)
);
--> statement-breakpoint
CREATE TABLE "vouchers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"code_sealed" text NOT NULL,
	"code_tail" char(4) NOT NULL,
	"redeemed_at" timestamp (3) with time zone,
	"redeemed_by_id" uuid,
	"invoice_id" uuid,
	"voided_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vouchers_redeemed_whole_ck" CHECK (("vouchers"."redeemed_at" is null) = ("vouchers"."redeemed_by_id" is null) and ("vouchers"."redeemed_at" is null) = ("vouchers"."invoice_id" is null)),
	CONSTRAINT "vouchers_redeemed_or_voided_ck" CHECK ("vouchers"."redeemed_at" is null or "vouchers"."voided_at" is null)
);
--> statement-breakpoint
ALTER TABLE "voucher_batches" ADD CONSTRAINT "voucher_batches_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_batch_id_voucher_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."voucher_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_redeemed_by_id_customers_id_fk" FOREIGN KEY ("redeemed_by_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "voucher_batches_created_idx" ON "voucher_batches" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "vouchers_code_hash_uq" ON "vouchers" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "vouchers_batch_idx" ON "vouchers" USING btree ("batch_id","created_at","id");--> statement-breakpoint
CREATE INDEX "vouchers_redeemed_by_idx" ON "vouchers" USING btree ("redeemed_by_id");