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
CREATE INDEX "vouchers_redeemed_by_idx" ON "vouchers" USING btree ("redeemed_by_id");--> statement-breakpoint
-- custom SQL (keep when regenerating)
-- Top-up invoices (purpose top_up: portal top-ups and prepaid card redemptions) are deposits,
-- not sales: they count nowhere in the reports, neither invoiced, nor taxed, nor their payments
-- collected. The credit they buy counts when it pays an invoice (a payment with method credit,
-- collected as before), so a top-up spent on a renewal counts once (docs/prepaid-cards.md
-- "Reports"). The report functions take the purpose; the triggers and the rebuild pass it.
-- Compared as text: a value added by this migration cannot be used as an enum literal in it.
DROP TRIGGER "invoices_rollups_delete_lines" ON "invoices";
--> statement-breakpoint
DROP FUNCTION "report_invoiced"(invoice_kind, invoice_status, uuid, timestamptz, bigint, bigint);
--> statement-breakpoint
DROP FUNCTION "report_tax_sign"(invoice_kind, invoice_status, timestamptz);
--> statement-breakpoint
CREATE FUNCTION "report_invoiced"(kind invoice_kind, status invoice_status, consolidated_into_id uuid, deleted_at timestamptz, total bigint, amount_paid bigint, purpose invoice_purpose)
RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN kind IN ('invoice', 'debit_note', 'credit_note') AND status <> 'draft' AND deleted_at IS NULL
                   AND (status <> 'cancelled' OR consolidated_into_id IS NOT NULL) AND purpose::text <> 'top_up'
              THEN CASE WHEN kind = 'credit_note' THEN -total WHEN consolidated_into_id IS NOT NULL THEN amount_paid ELSE total END
         END
$$;
--> statement-breakpoint
CREATE FUNCTION "report_tax_sign"(kind invoice_kind, status invoice_status, deleted_at timestamptz, purpose invoice_purpose)
RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN kind IN ('invoice', 'debit_note', 'credit_note') AND status NOT IN ('draft', 'cancelled') AND deleted_at IS NULL
                   AND purpose::text <> 'top_up'
              THEN CASE WHEN kind = 'credit_note' THEN -1 ELSE 1 END
         END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "report_rollups_invoices"() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO revenue_rollup (currency, day, invoiced)
    SELECT n.currency, n.issue_date, sum(report_invoiced(n.kind, n.status, n.consolidated_into_id, n.deleted_at, n.total, n.amount_paid, n.purpose))
    FROM new_rows n GROUP BY 1, 2
    HAVING sum(report_invoiced(n.kind, n.status, n.consolidated_into_id, n.deleted_at, n.total, n.amount_paid, n.purpose)) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO revenue_rollup (currency, day, invoiced)
    SELECT o.currency, o.issue_date, -sum(report_invoiced(o.kind, o.status, o.consolidated_into_id, o.deleted_at, o.total, o.amount_paid, o.purpose))
    FROM old_rows o GROUP BY 1, 2
    HAVING sum(report_invoiced(o.kind, o.status, o.consolidated_into_id, o.deleted_at, o.total, o.amount_paid, o.purpose)) <> 0;
  ELSE
    -- Only documents whose figures moved (an overdue sweep moves none); their lines are looked up
    -- one document at a time through the index, never by a scan of every line.
    WITH changed AS MATERIALIZED (
      SELECT n.id, o.currency AS was_currency, o.issue_date AS was_day, d.was_invoiced, d.was_sign,
             n.currency, n.issue_date AS day, d.invoiced, d.sign
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (SELECT report_invoiced(o.kind, o.status, o.consolidated_into_id, o.deleted_at, o.total, o.amount_paid, o.purpose) AS was_invoiced,
                                 report_tax_sign(o.kind, o.status, o.deleted_at, o.purpose) AS was_sign,
                                 report_invoiced(n.kind, n.status, n.consolidated_into_id, n.deleted_at, n.total, n.amount_paid, n.purpose) AS invoiced,
                                 report_tax_sign(n.kind, n.status, n.deleted_at, n.purpose) AS sign) d
      WHERE (o.currency, o.issue_date, d.was_invoiced, d.was_sign) IS DISTINCT FROM (n.currency, n.issue_date, d.invoiced, d.sign)
    ),
    revenue AS (
      INSERT INTO revenue_rollup (currency, day, invoiced)
      SELECT x.currency, x.day, sum(x.amount)
      FROM changed c CROSS JOIN LATERAL (VALUES (c.was_currency, c.was_day, -c.was_invoiced), (c.currency, c.day, c.invoiced)) x(currency, day, amount)
      GROUP BY 1, 2 HAVING sum(x.amount) <> 0
    )
    INSERT INTO tax_rollup (currency, day, tax_rate, taxable, tax)
    SELECT x.currency, x.day, l.tax_rate, sum(x.sign * l.subtotal), sum(x.sign * l.tax)
    FROM changed c
    CROSS JOIN LATERAL (SELECT l.tax_rate, sum(l.subtotal) AS subtotal, sum(l.tax) AS tax FROM invoice_lines l WHERE l.invoice_id = c.id GROUP BY l.tax_rate) l
    CROSS JOIN LATERAL (VALUES (c.was_currency, c.was_day, -c.was_sign), (c.currency, c.day, c.sign)) x(currency, day, sign)
    WHERE x.sign IS NOT NULL
    GROUP BY 1, 2, 3 HAVING sum(x.sign * l.subtotal) <> 0 OR sum(x.sign * l.tax) <> 0;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "report_rollups_invoice_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tax_rollup (currency, day, tax_rate, taxable, tax)
  SELECT OLD.currency, OLD.issue_date, l.tax_rate, -sum(s.sign * l.subtotal), -sum(s.sign * l.tax)
  FROM invoice_lines l CROSS JOIN (SELECT report_tax_sign(OLD.kind, OLD.status, OLD.deleted_at, OLD.purpose) AS sign) s
  WHERE l.invoice_id = OLD.id
  GROUP BY l.tax_rate HAVING sum(l.subtotal) <> 0 OR sum(l.tax) <> 0;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "report_rollups_invoice_lines"() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tax_rollup (currency, day, tax_rate, taxable, tax)
    SELECT i.currency, i.issue_date, l.tax_rate, sum(s.sign * l.subtotal), sum(s.sign * l.tax)
    FROM (SELECT n.invoice_id, n.tax_rate, sum(n.subtotal) AS subtotal, sum(n.tax) AS tax FROM new_rows n GROUP BY 1, 2) l
    JOIN invoices i ON i.id = l.invoice_id
    CROSS JOIN LATERAL (SELECT report_tax_sign(i.kind, i.status, i.deleted_at, i.purpose) AS sign) s
    WHERE s.sign IS NOT NULL
    GROUP BY 1, 2, 3 HAVING sum(s.sign * l.subtotal) <> 0 OR sum(s.sign * l.tax) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tax_rollup (currency, day, tax_rate, taxable, tax)
    SELECT i.currency, i.issue_date, l.tax_rate, -sum(s.sign * l.subtotal), -sum(s.sign * l.tax)
    FROM (SELECT o.invoice_id, o.tax_rate, sum(o.subtotal) AS subtotal, sum(o.tax) AS tax FROM old_rows o GROUP BY 1, 2) l
    JOIN invoices i ON i.id = l.invoice_id
    CROSS JOIN LATERAL (SELECT report_tax_sign(i.kind, i.status, i.deleted_at, i.purpose) AS sign) s
    WHERE s.sign IS NOT NULL
    GROUP BY 1, 2, 3 HAVING sum(s.sign * l.subtotal) <> 0 OR sum(s.sign * l.tax) <> 0;
  ELSE
    INSERT INTO tax_rollup (currency, day, tax_rate, taxable, tax)
    SELECT i.currency, i.issue_date, l.tax_rate, sum(s.sign * l.subtotal), sum(s.sign * l.tax)
    FROM (SELECT d.invoice_id, d.tax_rate, sum(d.subtotal) AS subtotal, sum(d.tax) AS tax
          FROM (SELECT n.invoice_id, n.tax_rate, n.subtotal, n.tax FROM new_rows n
                UNION ALL
                SELECT o.invoice_id, o.tax_rate, -o.subtotal, -o.tax FROM old_rows o) d
          GROUP BY 1, 2) l
    JOIN invoices i ON i.id = l.invoice_id
    CROSS JOIN LATERAL (SELECT report_tax_sign(i.kind, i.status, i.deleted_at, i.purpose) AS sign) s
    WHERE s.sign IS NOT NULL
    GROUP BY 1, 2, 3 HAVING sum(s.sign * l.subtotal) <> 0 OR sum(s.sign * l.tax) <> 0;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Money on a top-up (its invoice is a deposit) counts neither as collected when paid nor as
-- refunded when given back; the shared function of 0021 learns it for payments and refunds alike.
CREATE OR REPLACE FUNCTION "report_rollups_money"() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE
  moment text := quote_ident(TG_ARGV[0]);
  figure text := quote_ident(TG_ARGV[1]);
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format(
      'INSERT INTO revenue_rollup (currency, day, %2$s) SELECT n.currency, (n.%1$s AT TIME ZONE ''UTC'')::date, sum(n.amount) '
      'FROM new_rows n JOIN invoices i ON i.id = n.invoice_id WHERE i.purpose::text <> ''top_up'' GROUP BY 1, 2',
      moment, figure);
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format(
      'INSERT INTO revenue_rollup (currency, day, %2$s) SELECT o.currency, (o.%1$s AT TIME ZONE ''UTC'')::date, -sum(o.amount) '
      'FROM old_rows o JOIN invoices i ON i.id = o.invoice_id WHERE i.purpose::text <> ''top_up'' GROUP BY 1, 2',
      moment, figure);
  ELSE
    EXECUTE format(
      'INSERT INTO revenue_rollup (currency, day, %2$s) SELECT d.currency, (d.moment AT TIME ZONE ''UTC'')::date, sum(d.amount) '
      'FROM (SELECT n.currency, n.%1$s AS moment, n.amount, n.invoice_id FROM new_rows n '
      '      UNION ALL SELECT o.currency, o.%1$s, -o.amount, o.invoice_id FROM old_rows o) d '
      'JOIN invoices i ON i.id = d.invoice_id WHERE i.purpose::text <> ''top_up'' '
      'GROUP BY 1, 2 HAVING sum(d.amount) <> 0',
      moment, figure);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "rebuild_report_rollups"() RETURNS void LANGUAGE sql AS $$
  LOCK TABLE revenue_rollup, tax_rollup IN EXCLUSIVE MODE;
  DELETE FROM revenue_rollup;
  DELETE FROM tax_rollup;
  INSERT INTO revenue_rollup (currency, day, invoiced, collected, refunded)
  SELECT currency, day, sum(invoiced), sum(collected), sum(refunded)
  FROM (SELECT i.currency, i.issue_date AS day, report_invoiced(i.kind, i.status, i.consolidated_into_id, i.deleted_at, i.total, i.amount_paid, i.purpose) AS invoiced,
               0 AS collected, 0 AS refunded
        FROM invoices i
        UNION ALL SELECT p.currency, (p.paid_at AT TIME ZONE 'UTC')::date, 0, p.amount, 0 FROM payments p
          JOIN invoices pi ON pi.id = p.invoice_id WHERE pi.purpose::text <> 'top_up'
        UNION ALL SELECT r.currency, (r.refunded_at AT TIME ZONE 'UTC')::date, 0, 0, r.amount FROM refunds r
          JOIN invoices ri ON ri.id = r.invoice_id WHERE ri.purpose::text <> 'top_up') d
  GROUP BY 1, 2 HAVING sum(invoiced) <> 0 OR sum(collected) <> 0 OR sum(refunded) <> 0;
  INSERT INTO tax_rollup (currency, day, tax_rate, taxable, tax)
  SELECT i.currency, i.issue_date, l.tax_rate, sum(s.sign * l.subtotal), sum(s.sign * l.tax)
  FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
  CROSS JOIN LATERAL (SELECT report_tax_sign(i.kind, i.status, i.deleted_at, i.purpose) AS sign) s
  WHERE s.sign IS NOT NULL
  GROUP BY 1, 2, 3 HAVING sum(s.sign * l.subtotal) <> 0 OR sum(s.sign * l.tax) <> 0;
$$;
--> statement-breakpoint
CREATE TRIGGER "invoices_rollups_delete_lines" BEFORE DELETE ON "invoices" FOR EACH ROW
  WHEN (report_tax_sign(OLD.kind, OLD.status, OLD.deleted_at, OLD.purpose) IS NOT NULL) EXECUTE FUNCTION "report_rollups_invoice_deleted"();
--> statement-breakpoint
SELECT rebuild_report_rollups();
