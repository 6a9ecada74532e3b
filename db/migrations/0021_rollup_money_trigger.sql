-- Payments and refunds fed revenue_rollup through two functions that differed only in the date
-- column they read and the rollup column they add to. One function now serves both, told which by
-- its trigger's arguments: TG_ARGV[0] the row's moment (paid_at, refunded_at), counted on its UTC
-- day; TG_ARGV[1] the rollup column (collected, refunded). Amounts are positive, so an insert or a
-- delete always has a difference; an update adds only the days whose sum changed.
CREATE FUNCTION "report_rollups_money"() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE
  moment text := quote_ident(TG_ARGV[0]);
  figure text := quote_ident(TG_ARGV[1]);
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format(
      'INSERT INTO revenue_rollup (currency, day, %2$s) SELECT n.currency, (n.%1$s AT TIME ZONE ''UTC'')::date, sum(n.amount) FROM new_rows n GROUP BY 1, 2',
      moment, figure);
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format(
      'INSERT INTO revenue_rollup (currency, day, %2$s) SELECT o.currency, (o.%1$s AT TIME ZONE ''UTC'')::date, -sum(o.amount) FROM old_rows o GROUP BY 1, 2',
      moment, figure);
  ELSE
    EXECUTE format(
      'INSERT INTO revenue_rollup (currency, day, %2$s) SELECT d.currency, (d.moment AT TIME ZONE ''UTC'')::date, sum(d.amount) '
      'FROM (SELECT n.currency, n.%1$s AS moment, n.amount FROM new_rows n UNION ALL SELECT o.currency, o.%1$s, -o.amount FROM old_rows o) d '
      'GROUP BY 1, 2 HAVING sum(d.amount) <> 0',
      moment, figure);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER "payments_rollups_insert" ON "payments";
--> statement-breakpoint
DROP TRIGGER "payments_rollups_update" ON "payments";
--> statement-breakpoint
DROP TRIGGER "payments_rollups_delete" ON "payments";
--> statement-breakpoint
DROP TRIGGER "refunds_rollups_insert" ON "refunds";
--> statement-breakpoint
DROP TRIGGER "refunds_rollups_update" ON "refunds";
--> statement-breakpoint
DROP TRIGGER "refunds_rollups_delete" ON "refunds";
--> statement-breakpoint
DROP FUNCTION "report_rollups_payments"();
--> statement-breakpoint
DROP FUNCTION "report_rollups_refunds"();
--> statement-breakpoint
CREATE TRIGGER "payments_rollups_insert" AFTER INSERT ON "payments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_money"('paid_at', 'collected');
--> statement-breakpoint
CREATE TRIGGER "payments_rollups_update" AFTER UPDATE ON "payments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_money"('paid_at', 'collected');
--> statement-breakpoint
CREATE TRIGGER "payments_rollups_delete" AFTER DELETE ON "payments" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_money"('paid_at', 'collected');
--> statement-breakpoint
CREATE TRIGGER "refunds_rollups_insert" AFTER INSERT ON "refunds" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_money"('refunded_at', 'refunded');
--> statement-breakpoint
CREATE TRIGGER "refunds_rollups_update" AFTER UPDATE ON "refunds" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_money"('refunded_at', 'refunded');
--> statement-breakpoint
CREATE TRIGGER "refunds_rollups_delete" AFTER DELETE ON "refunds" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_money"('refunded_at', 'refunded');
