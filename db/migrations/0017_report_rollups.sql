CREATE TABLE "revenue_rollup" (
	"currency" char(3) NOT NULL,
	"day" date NOT NULL,
	"invoiced" bigint DEFAULT 0 NOT NULL,
	"collected" bigint DEFAULT 0 NOT NULL,
	"refunded" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax_rollup" (
	"currency" char(3) NOT NULL,
	"day" date NOT NULL,
	"tax_rate" numeric(6, 3) NOT NULL,
	"taxable" bigint DEFAULT 0 NOT NULL,
	"tax" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "revenue_rollup_day_idx" ON "revenue_rollup" USING btree ("currency","day");--> statement-breakpoint
CREATE INDEX "tax_rollup_day_idx" ON "tax_rollup" USING btree ("currency","day");--> statement-breakpoint
-- The Revenue report's invoiced amount of a document on its issue date, or null when it counts
-- nowhere (server/services/reports/revenue.ts `invoicedAmount`; docs/reports.md): numbered
-- invoices and debit notes their total, credit notes minus theirs; a cancelled document
-- nothing, except a consolidation source, which counts what was paid on it (its parent re-bills
-- the rest); drafts, proformas and deleted documents nowhere. The report, the triggers below and
-- the rebuild all use this one definition.
CREATE FUNCTION "report_invoiced"(kind invoice_kind, status invoice_status, consolidated_into_id uuid, deleted_at timestamptz, total bigint, amount_paid bigint)
RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN kind IN ('invoice', 'debit_note', 'credit_note') AND status <> 'draft' AND deleted_at IS NULL
                   AND (status <> 'cancelled' OR consolidated_into_id IS NOT NULL)
              THEN CASE WHEN kind = 'credit_note' THEN -total WHEN consolidated_into_id IS NOT NULL THEN amount_paid ELSE total END
         END
$$;
--> statement-breakpoint
-- The sign a document's lines carry in the Tax report, or null when it is no standing tax
-- document: invoices and debit notes 1, credit notes −1; drafts, proformas, cancelled documents
-- (a consolidation source's lines are carried by its parent) and deleted ones count nowhere.
CREATE FUNCTION "report_tax_sign"(kind invoice_kind, status invoice_status, deleted_at timestamptz)
RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN kind IN ('invoice', 'debit_note', 'credit_note') AND status NOT IN ('draft', 'cancelled') AND deleted_at IS NULL
              THEN CASE WHEN kind = 'credit_note' THEN -1 ELSE 1 END
         END
$$;
--> statement-breakpoint
-- The rollups' triggers run once per statement over its transition tables and insert the
-- statement's difference (new rows' figures minus old rows'), grouped, only where non-zero: a
-- billing run's 20,000 invoices cost one grouped insert, and a payment never waits on another's
-- row. An invoice's tax is counted by its lines' trigger when the lines are inserted (they come
-- with or after the invoice, in the billing run in the same statement), and by the invoice's
-- trigger when a change of the invoice moves its lines (issued, cancelled, deleted, re-dated).
-- Without JIT: a 20,000-row statement's estimated cost passes jit_above_cost, and compiling
-- would take longer than running.
CREATE FUNCTION "report_rollups_invoices"() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO revenue_rollup (currency, day, invoiced)
    SELECT n.currency, n.issue_date, sum(report_invoiced(n.kind, n.status, n.consolidated_into_id, n.deleted_at, n.total, n.amount_paid))
    FROM new_rows n GROUP BY 1, 2
    HAVING sum(report_invoiced(n.kind, n.status, n.consolidated_into_id, n.deleted_at, n.total, n.amount_paid)) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO revenue_rollup (currency, day, invoiced)
    SELECT o.currency, o.issue_date, -sum(report_invoiced(o.kind, o.status, o.consolidated_into_id, o.deleted_at, o.total, o.amount_paid))
    FROM old_rows o GROUP BY 1, 2
    HAVING sum(report_invoiced(o.kind, o.status, o.consolidated_into_id, o.deleted_at, o.total, o.amount_paid)) <> 0;
  ELSE
    -- Only documents whose figures moved (an overdue sweep moves none); their lines are looked up
    -- one document at a time through the index, never by a scan of every line.
    WITH changed AS MATERIALIZED (
      SELECT n.id, o.currency AS was_currency, o.issue_date AS was_day, d.was_invoiced, d.was_sign,
             n.currency, n.issue_date AS day, d.invoiced, d.sign
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (SELECT report_invoiced(o.kind, o.status, o.consolidated_into_id, o.deleted_at, o.total, o.amount_paid) AS was_invoiced,
                                 report_tax_sign(o.kind, o.status, o.deleted_at) AS was_sign,
                                 report_invoiced(n.kind, n.status, n.consolidated_into_id, n.deleted_at, n.total, n.amount_paid) AS invoiced,
                                 report_tax_sign(n.kind, n.status, n.deleted_at) AS sign) d
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
-- A deleted tax document's lines, while they still exist: the cascade deletes them before a
-- statement trigger could read them, and then their invoice is gone. The app only soft-deletes;
-- this keeps the rollup right when a document is deleted outright.
CREATE FUNCTION "report_rollups_invoice_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tax_rollup (currency, day, tax_rate, taxable, tax)
  SELECT OLD.currency, OLD.issue_date, l.tax_rate, -sum(s.sign * l.subtotal), -sum(s.sign * l.tax)
  FROM invoice_lines l CROSS JOIN (SELECT report_tax_sign(OLD.kind, OLD.status, OLD.deleted_at) AS sign) s
  WHERE l.invoice_id = OLD.id
  GROUP BY l.tax_rate HAVING sum(l.subtotal) <> 0 OR sum(l.tax) <> 0;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "report_rollups_invoice_lines"() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tax_rollup (currency, day, tax_rate, taxable, tax)
    SELECT i.currency, i.issue_date, l.tax_rate, sum(s.sign * l.subtotal), sum(s.sign * l.tax)
    FROM (SELECT n.invoice_id, n.tax_rate, sum(n.subtotal) AS subtotal, sum(n.tax) AS tax FROM new_rows n GROUP BY 1, 2) l
    JOIN invoices i ON i.id = l.invoice_id
    CROSS JOIN LATERAL (SELECT report_tax_sign(i.kind, i.status, i.deleted_at) AS sign) s
    WHERE s.sign IS NOT NULL
    GROUP BY 1, 2, 3 HAVING sum(s.sign * l.subtotal) <> 0 OR sum(s.sign * l.tax) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tax_rollup (currency, day, tax_rate, taxable, tax)
    SELECT i.currency, i.issue_date, l.tax_rate, -sum(s.sign * l.subtotal), -sum(s.sign * l.tax)
    FROM (SELECT o.invoice_id, o.tax_rate, sum(o.subtotal) AS subtotal, sum(o.tax) AS tax FROM old_rows o GROUP BY 1, 2) l
    JOIN invoices i ON i.id = l.invoice_id
    CROSS JOIN LATERAL (SELECT report_tax_sign(i.kind, i.status, i.deleted_at) AS sign) s
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
    CROSS JOIN LATERAL (SELECT report_tax_sign(i.kind, i.status, i.deleted_at) AS sign) s
    WHERE s.sign IS NOT NULL
    GROUP BY 1, 2, 3 HAVING sum(s.sign * l.subtotal) <> 0 OR sum(s.sign * l.tax) <> 0;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Payments count as collected on their paid date, refunds as refunded on their refund date (UTC
-- days); amounts are positive, so an insert or a delete always has a difference.
CREATE FUNCTION "report_rollups_payments"() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO revenue_rollup (currency, day, collected)
    SELECT n.currency, (n.paid_at AT TIME ZONE 'UTC')::date, sum(n.amount) FROM new_rows n GROUP BY 1, 2;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO revenue_rollup (currency, day, collected)
    SELECT o.currency, (o.paid_at AT TIME ZONE 'UTC')::date, -sum(o.amount) FROM old_rows o GROUP BY 1, 2;
  ELSE
    INSERT INTO revenue_rollup (currency, day, collected)
    SELECT d.currency, (d.paid_at AT TIME ZONE 'UTC')::date, sum(d.amount)
    FROM (SELECT n.currency, n.paid_at, n.amount FROM new_rows n UNION ALL SELECT o.currency, o.paid_at, -o.amount FROM old_rows o) d
    GROUP BY 1, 2 HAVING sum(d.amount) <> 0;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "report_rollups_refunds"() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO revenue_rollup (currency, day, refunded)
    SELECT n.currency, (n.refunded_at AT TIME ZONE 'UTC')::date, sum(n.amount) FROM new_rows n GROUP BY 1, 2;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO revenue_rollup (currency, day, refunded)
    SELECT o.currency, (o.refunded_at AT TIME ZONE 'UTC')::date, -sum(o.amount) FROM old_rows o GROUP BY 1, 2;
  ELSE
    INSERT INTO revenue_rollup (currency, day, refunded)
    SELECT d.currency, (d.refunded_at AT TIME ZONE 'UTC')::date, sum(d.amount)
    FROM (SELECT n.currency, n.refunded_at, n.amount FROM new_rows n UNION ALL SELECT o.currency, o.refunded_at, -o.amount FROM old_rows o) d
    GROUP BY 1, 2 HAVING sum(d.amount) <> 0;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A trigger with transition tables takes one event, hence three per table.
CREATE TRIGGER "invoices_rollups_insert" AFTER INSERT ON "invoices" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_invoices"();
--> statement-breakpoint
CREATE TRIGGER "invoices_rollups_update" AFTER UPDATE ON "invoices" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_invoices"();
--> statement-breakpoint
CREATE TRIGGER "invoices_rollups_delete" AFTER DELETE ON "invoices" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_invoices"();
--> statement-breakpoint
CREATE TRIGGER "invoice_lines_rollups_insert" AFTER INSERT ON "invoice_lines" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_invoice_lines"();
--> statement-breakpoint
CREATE TRIGGER "invoice_lines_rollups_update" AFTER UPDATE ON "invoice_lines" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_invoice_lines"();
--> statement-breakpoint
CREATE TRIGGER "invoice_lines_rollups_delete" AFTER DELETE ON "invoice_lines" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_invoice_lines"();
--> statement-breakpoint
CREATE TRIGGER "payments_rollups_insert" AFTER INSERT ON "payments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_payments"();
--> statement-breakpoint
CREATE TRIGGER "payments_rollups_update" AFTER UPDATE ON "payments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_payments"();
--> statement-breakpoint
CREATE TRIGGER "payments_rollups_delete" AFTER DELETE ON "payments" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_payments"();
--> statement-breakpoint
CREATE TRIGGER "refunds_rollups_insert" AFTER INSERT ON "refunds" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_refunds"();
--> statement-breakpoint
CREATE TRIGGER "refunds_rollups_update" AFTER UPDATE ON "refunds" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_refunds"();
--> statement-breakpoint
CREATE TRIGGER "refunds_rollups_delete" AFTER DELETE ON "refunds" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_refunds"();
--> statement-breakpoint
CREATE TRIGGER "invoices_rollups_delete_lines" BEFORE DELETE ON "invoices" FOR EACH ROW
  WHEN (report_tax_sign(OLD.kind, OLD.status, OLD.deleted_at) IS NOT NULL) EXECUTE FUNCTION "report_rollups_invoice_deleted"();
--> statement-breakpoint
-- Folds each key's deltas into one row (zero sums leave no row). Safe beside writers: the delete
-- takes only rows this statement sees, and inserts their sum in the same statement; deltas
-- committed meanwhile stay as they are, for the next compaction. Compactions take turns, so two
-- never delete the same rows in different orders (a deadlock).
CREATE FUNCTION "compact_report_rollups"() RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtext('cashdesk:compact-report-rollups'));
  WITH keys AS (SELECT currency, day FROM revenue_rollup GROUP BY 1, 2 HAVING count(*) > 1),
  moved AS (DELETE FROM revenue_rollup r USING keys k WHERE r.currency = k.currency AND r.day = k.day
            RETURNING r.currency, r.day, r.invoiced, r.collected, r.refunded)
  INSERT INTO revenue_rollup (currency, day, invoiced, collected, refunded)
  SELECT currency, day, sum(invoiced), sum(collected), sum(refunded) FROM moved GROUP BY 1, 2
  HAVING sum(invoiced) <> 0 OR sum(collected) <> 0 OR sum(refunded) <> 0;
  WITH keys AS (SELECT currency, day, tax_rate FROM tax_rollup GROUP BY 1, 2, 3 HAVING count(*) > 1),
  moved AS (DELETE FROM tax_rollup r USING keys k WHERE r.currency = k.currency AND r.day = k.day AND r.tax_rate = k.tax_rate
            RETURNING r.currency, r.day, r.tax_rate, r.taxable, r.tax)
  INSERT INTO tax_rollup (currency, day, tax_rate, taxable, tax)
  SELECT currency, day, tax_rate, sum(taxable), sum(tax) FROM moved GROUP BY 1, 2, 3
  HAVING sum(taxable) <> 0 OR sum(tax) <> 0;
$$;
--> statement-breakpoint
-- The rollups computed from scratch from invoices, their lines, payments and refunds, one row per
-- key: the backfill below, and the test that compares them with what the triggers maintained.
-- The locks make writers that would add a delta wait, so no delta is both rebuilt and kept.
CREATE FUNCTION "rebuild_report_rollups"() RETURNS void LANGUAGE sql AS $$
  LOCK TABLE revenue_rollup, tax_rollup IN EXCLUSIVE MODE;
  DELETE FROM revenue_rollup;
  DELETE FROM tax_rollup;
  INSERT INTO revenue_rollup (currency, day, invoiced, collected, refunded)
  SELECT currency, day, sum(invoiced), sum(collected), sum(refunded)
  FROM (SELECT i.currency, i.issue_date AS day, report_invoiced(i.kind, i.status, i.consolidated_into_id, i.deleted_at, i.total, i.amount_paid) AS invoiced,
               0 AS collected, 0 AS refunded
        FROM invoices i
        UNION ALL SELECT p.currency, (p.paid_at AT TIME ZONE 'UTC')::date, 0, p.amount, 0 FROM payments p
        UNION ALL SELECT r.currency, (r.refunded_at AT TIME ZONE 'UTC')::date, 0, 0, r.amount FROM refunds r) d
  GROUP BY 1, 2 HAVING sum(invoiced) <> 0 OR sum(collected) <> 0 OR sum(refunded) <> 0;
  INSERT INTO tax_rollup (currency, day, tax_rate, taxable, tax)
  SELECT i.currency, i.issue_date, l.tax_rate, sum(s.sign * l.subtotal), sum(s.sign * l.tax)
  FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
  CROSS JOIN LATERAL (SELECT report_tax_sign(i.kind, i.status, i.deleted_at) AS sign) s
  WHERE s.sign IS NOT NULL
  GROUP BY 1, 2, 3 HAVING sum(s.sign * l.subtotal) <> 0 OR sum(s.sign * l.tax) <> 0;
$$;
--> statement-breakpoint
-- TRUNCATE fires no row or delete trigger: what is left is summed again.
CREATE FUNCTION "report_rollups_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rebuild_report_rollups();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "invoices_rollups_truncate" AFTER TRUNCATE ON "invoices" FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_truncated"();
--> statement-breakpoint
CREATE TRIGGER "invoice_lines_rollups_truncate" AFTER TRUNCATE ON "invoice_lines" FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_truncated"();
--> statement-breakpoint
CREATE TRIGGER "payments_rollups_truncate" AFTER TRUNCATE ON "payments" FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_truncated"();
--> statement-breakpoint
CREATE TRIGGER "refunds_rollups_truncate" AFTER TRUNCATE ON "refunds" FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_truncated"();
--> statement-breakpoint
SELECT rebuild_report_rollups();
