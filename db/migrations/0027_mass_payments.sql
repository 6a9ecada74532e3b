CREATE TABLE "mass_payment_items" (
	"mass_payment_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	CONSTRAINT "mass_payment_items_mass_payment_id_invoice_id_pk" PRIMARY KEY("mass_payment_id","invoice_id")
);
--> statement-breakpoint
ALTER TABLE "mass_payment_items" ADD CONSTRAINT "mass_payment_items_mass_payment_id_invoices_id_fk" FOREIGN KEY ("mass_payment_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mass_payment_items" ADD CONSTRAINT "mass_payment_items_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mass_payment_items_invoice_idx" ON "mass_payment_items" USING btree ("invoice_id");