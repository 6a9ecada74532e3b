ALTER TABLE "invoices" ADD COLUMN "internal_notes" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "converted_invoice_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "proforma_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_converted_invoice_id_invoices_id_fk" FOREIGN KEY ("converted_invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_proforma_id_invoices_id_fk" FOREIGN KEY ("proforma_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_proforma_uq" ON "invoices" USING btree ("proforma_id") WHERE "invoices"."proforma_id" is not null;