CREATE TYPE "public"."wallet_entry_kind" AS ENUM('grant', 'release', 'draw', 'lapse', 'void');--> statement-breakpoint
ALTER TYPE "public"."product_type" ADD VALUE 'usage';--> statement-breakpoint
CREATE TABLE "wallet_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"kind" "wallet_entry_kind" NOT NULL,
	"pending" bigint DEFAULT 0 NOT NULL,
	"available" bigint DEFAULT 0 NOT NULL,
	"grant_id" uuid,
	"invoice_id" uuid,
	"service_id" uuid,
	"expires_on" date,
	"description" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wallet_entries_moves_ck" CHECK ("wallet_entries"."pending" <> 0 or "wallet_entries"."available" <> 0),
	CONSTRAINT "wallet_entries_grant_ck" CHECK (("wallet_entries"."kind" = 'grant') = ("wallet_entries"."grant_id" is null))
);
--> statement-breakpoint
CREATE TABLE "usage_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"quantity" numeric(24, 6) NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"invoice_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_records_quantity_ck" CHECK ("usage_records"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "product_prices" DROP CONSTRAINT "product_prices_amount_ck";--> statement-breakpoint
ALTER TABLE "product_prices" ADD COLUMN "unit_amount" numeric(24, 6);--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "included_credits" bigint;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "credits_rollover" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "tax_code" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "tax_exempt" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "tax_rate_override" numeric(6, 3);--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "order_name" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "po_number" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "customer_snapshot" jsonb;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "usage_unit_price" numeric(24, 6);--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "usage_unit_price" numeric(24, 6);--> statement-breakpoint
ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_grant_id_wallet_entries_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."wallet_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wallet_entries_customer_created_idx" ON "wallet_entries" USING btree ("customer_id","created_at","id");--> statement-breakpoint
CREATE INDEX "wallet_entries_grant_idx" ON "wallet_entries" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "wallet_entries_invoice_idx" ON "wallet_entries" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_entries_grant_uq" ON "wallet_entries" USING btree ("invoice_id","service_id") WHERE "wallet_entries"."kind" = 'grant';--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_entries_settles_grant_uq" ON "wallet_entries" USING btree ("grant_id","kind") WHERE "wallet_entries"."kind" in ('release', 'lapse', 'void');--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_entries_draw_uq" ON "wallet_entries" USING btree ("grant_id","invoice_id") WHERE "wallet_entries"."kind" = 'draw';--> statement-breakpoint
CREATE UNIQUE INDEX "usage_records_customer_key_uq" ON "usage_records" USING btree ("customer_id","key");--> statement-breakpoint
CREATE INDEX "usage_records_unbilled_idx" ON "usage_records" USING btree ("service_id","occurred_at") WHERE "usage_records"."invoice_id" is null;--> statement-breakpoint
ALTER TABLE "product_prices" ADD CONSTRAINT "product_prices_amount_ck" CHECK ("product_prices"."amount" >= 0 and "product_prices"."setup_fee" >= 0 and ("product_prices"."unit_amount" is null or "product_prices"."unit_amount" >= 0));--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_included_credits_ck" CHECK ("products"."included_credits" is null or "products"."included_credits" > 0);--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_tax_rate_override_ck" CHECK ("customers"."tax_rate_override" is null or ("customers"."tax_rate_override" >= 0 and "customers"."tax_rate_override" <= 100));--> statement-breakpoint
-- Contract invoices billed before the order name had its own field kept it in notes.
UPDATE "invoices" SET "order_name" = "notes", "notes" = NULL FROM "orders" WHERE "orders"."id" = "invoices"."order_id" AND "orders"."contract" AND "invoices"."notes" = "orders"."name";
