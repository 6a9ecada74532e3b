import { and, asc, eq, or } from 'drizzle-orm';
import { invoices, payments, refunds } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { auditTrail, type AuditEntry } from '@/server/services/audit/trail';
import type { ServiceContext } from '@/server/services/context';
import { creditBalance } from '@/server/services/credit/balance';
import { invoiceReadScope, invoiceScope } from './scope';
import { loadInvoice } from './store';

export type InvoiceHistory = {
  payments: Array<typeof payments.$inferSelect>;
  refunds: Array<typeof refunds.$inferSelect>;
  related: Array<{
    id: string;
    number: string | null;
    kind: string;
    status: string;
    total: bigint;
    relation: 'corrects' | 'consolidated_into' | 'consolidates' | 'converted_into' | 'proforma';
  }>;
  audit: AuditEntry[];
  /** The customer's credit balance in the invoice's currency (what Apply credit may draw on). */
  credit: bigint;
};

/** What happened to an invoice: money in and out, documents around it, and its audit trail. */
export async function getInvoiceHistory(ctx: ServiceContext, input: { id: string }): Promise<InvoiceHistory> {
  if (ctx.actor.scope.kind !== 'customer') requirePermission(ctx.actor, 'invoices.view');
  const invoice = await loadInvoice(ctx.db, invoiceReadScope(ctx.actor), input.id);
  const [paymentRows, refundRows, relatedRows, auditRows, credit] = await Promise.all([
    ctx.db.select().from(payments).where(eq(payments.invoiceId, invoice.id)).orderBy(asc(payments.paidAt)),
    ctx.db.select().from(refunds).where(eq(refunds.invoiceId, invoice.id)).orderBy(asc(refunds.refundedAt)),
    ctx.db
      .select({
        id: invoices.id,
        number: invoices.number,
        kind: invoices.kind,
        status: invoices.status,
        total: invoices.total,
        correctsInvoiceId: invoices.correctsInvoiceId,
        consolidatedIntoId: invoices.consolidatedIntoId,
        proformaId: invoices.proformaId,
      })
      .from(invoices)
      .where(
        and(
          invoiceScope(invoiceReadScope(ctx.actor)),
          or(
            eq(invoices.correctsInvoiceId, invoice.id),
            eq(invoices.consolidatedIntoId, invoice.id),
            invoice.consolidatedIntoId ? eq(invoices.id, invoice.consolidatedIntoId) : undefined,
            invoice.correctsInvoiceId ? eq(invoices.id, invoice.correctsInvoiceId) : undefined,
            // A paid proforma and the invoice it became.
            eq(invoices.proformaId, invoice.id),
            invoice.proformaId ? eq(invoices.id, invoice.proformaId) : undefined,
          ),
        ),
      )
      .orderBy(asc(invoices.createdAt)),
    // Clients see their invoices, not the desk's audit trail.
    ctx.actor.scope.kind === 'customer' ? Promise.resolve([]) : auditTrail(ctx, { type: 'invoice', id: invoice.id }),
    creditBalance(ctx.db, invoice.customerId, invoice.currency),
  ]);
  const customer = ctx.actor.scope.kind === 'customer';
  return {
    // A client sees their money in and out, not the desk's references or who keyed it in.
    payments: customer ? paymentRows.map((p) => ({ ...p, reference: null, recordedById: null })) : paymentRows,
    refunds: refundRows,
    related: relatedRows.map((r) => ({
      id: r.id,
      number: r.number,
      kind: r.kind,
      status: r.status,
      total: r.total,
      relation:
        r.proformaId === invoice.id
          ? 'converted_into'
          : r.id === invoice.proformaId
            ? 'proforma'
            : r.correctsInvoiceId === invoice.id
              ? 'corrects'
              : r.consolidatedIntoId === invoice.id
                ? 'consolidates'
                : r.id === invoice.consolidatedIntoId
                  ? 'consolidated_into'
                  : 'corrects',
    })),
    audit: auditRows,
    credit,
  };
}
