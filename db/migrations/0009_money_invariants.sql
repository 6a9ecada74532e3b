ALTER TABLE "credit_ledger" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "amount_credited" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- What credit notes already put on balances: every credit note against an invoice except those a
-- partial refund issued only to document money that left (their refund carries them).
UPDATE "invoices" AS i SET "amount_credited" = c.total
FROM (
  SELECT n."corrects_invoice_id" AS id, sum(n."total") AS total
  FROM "invoices" AS n
  WHERE n."kind" = 'credit_note' AND n."corrects_invoice_id" IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "refunds" AS r WHERE r."credit_note_id" = n."id")
  GROUP BY n."corrects_invoice_id"
) AS c
WHERE c.id = i."id";--> statement-breakpoint
CREATE UNIQUE INDEX "credit_ledger_reference_uq" ON "credit_ledger" USING btree ("reference") WHERE "credit_ledger"."reference" is not null;--> statement-breakpoint
-- NOT VALID: books that already gave back twice (the defect this rule ends) still migrate and
-- start; every write from now on is checked.
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_gives_back_within_paid_ck" CHECK ("invoices"."amount_refunded" >= 0 and "invoices"."amount_credited" >= 0 and "invoices"."amount_refunded" + "invoices"."amount_credited" <= "invoices"."amount_paid") NOT VALID;
