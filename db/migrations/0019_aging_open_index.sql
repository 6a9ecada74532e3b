-- The open documents the aging report and the dashboard's receivables and overdue tiles read
-- (server/services/reports/aging.ts, openDocuments), with every column they sum, so a year's
-- book is an index-only scan of a few hundred pages instead of reading tens of thousands of open
-- invoices' rows scattered over the table (docs/performance.md, "Reports"). Partial: paid,
-- cancelled and draft documents, the bulk of a book, are not in it. Written by hand because the
-- schema builder has no INCLUDE; db/schema/invoices.ts names it beside the others.
CREATE INDEX IF NOT EXISTS "invoices_open_idx" ON "invoices" ("currency", "customer_id") INCLUDE ("due_date", "issue_date", "total", "amount_paid")
  WHERE "kind" IN ('invoice', 'debit_note') AND "status" IN ('pending', 'partial', 'overdue') AND "deleted_at" IS NULL;
