CREATE TYPE "public"."transaction_type" AS ENUM('income', 'refund', 'credit', 'commission_payout');--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" "transaction_type" NOT NULL,
	"amount" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"invoice_id" uuid,
	"payment_id" uuid,
	"refund_id" uuid,
	"customer_id" uuid,
	"reseller_id" uuid,
	"reference" text,
	"actor" text NOT NULL,
	"period_from" date,
	"period_to" date,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transactions_amount_positive_ck" CHECK ("transactions"."amount" > 0),
	CONSTRAINT "transactions_payout_period_ck" CHECK ("transactions"."type" <> 'commission_payout' or ("transactions"."reseller_id" is not null and "transactions"."period_from" is not null and "transactions"."period_to" is not null))
);
--> statement-breakpoint
CREATE TABLE "resellers" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"parent_id" uuid,
	"commission_milli" bigint DEFAULT 0 NOT NULL,
	"see_parent_customers" boolean DEFAULT false NOT NULL,
	"may_create_sub_resellers" boolean DEFAULT false NOT NULL,
	"currency" char(3),
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resellers_commission_range_ck" CHECK ("resellers"."commission_milli" between 0 and 100000),
	CONSTRAINT "resellers_not_own_parent_ck" CHECK ("resellers"."parent_id" is null or "resellers"."parent_id" <> "resellers"."user_id")
);
--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_reseller_id_users_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resellers" ADD CONSTRAINT "resellers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resellers" ADD CONSTRAINT "resellers_parent_id_resellers_user_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."resellers"("user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transactions_created_idx" ON "transactions" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "transactions_customer_idx" ON "transactions" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "transactions_reseller_idx" ON "transactions" USING btree ("reseller_id","type","currency");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_payment_uq" ON "transactions" USING btree ("payment_id") WHERE "transactions"."type" = 'income';--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_refund_uq" ON "transactions" USING btree ("refund_id") WHERE "transactions"."type" = 'refund';--> statement-breakpoint
CREATE INDEX "resellers_parent_idx" ON "resellers" USING btree ("parent_id");--> statement-breakpoint
-- Backfill: every reseller that exists gets its profile (no commission until an admin sets one),
-- and the ledger starts with one income row per payment and one refund row per refund made
-- before it existed, in the book of the customer's reseller at migration time.
INSERT INTO "resellers" ("user_id", "created_at") SELECT "id", "created_at" FROM "users" WHERE "role" = 'reseller';--> statement-breakpoint
-- Resellers could view, create and edit invoices before their permission flags existed; they keep exactly that.
UPDATE "users" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['invoices.view', 'invoices.create', 'invoices.edit']::text[]) ORDER BY 1) WHERE "role" = 'reseller';--> statement-breakpoint
INSERT INTO "transactions" ("type", "amount", "currency", "invoice_id", "payment_id", "customer_id", "reseller_id", "reference", "actor", "created_at")
SELECT 'income', p."amount", p."currency", p."invoice_id", p."id", p."customer_id", c."reseller_id", p."reference", coalesce(u."email", p."provider", 'migration'), p."created_at"
FROM "payments" p JOIN "customers" c ON c."id" = p."customer_id" LEFT JOIN "users" u ON u."id" = p."recorded_by_id";--> statement-breakpoint
INSERT INTO "transactions" ("type", "amount", "currency", "invoice_id", "payment_id", "refund_id", "customer_id", "reseller_id", "reference", "actor", "created_at")
SELECT 'refund', r."amount", r."currency", r."invoice_id", r."payment_id", r."id", i."customer_id", c."reseller_id", r."reason", coalesce(r."provider", 'migration'), r."created_at"
FROM "refunds" r JOIN "invoices" i ON i."id" = r."invoice_id" JOIN "customers" c ON c."id" = i."customer_id";
