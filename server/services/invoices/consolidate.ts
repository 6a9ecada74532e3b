import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { invoiceLines, invoices } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { formatMilli } from '@/server/billing/decimal';
import { awaitingPayment, invoiceTransition } from '@/server/billing/invoice-status';
import { toPlainDate } from '@/server/billing/periods';
import { AppError } from '@/server/errors';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { findCustomer } from '@/server/services/customers/store';
import { lockCustomer } from '@/server/services/locks';
import { writeOrPreview } from '@/server/services/preview';
import { readBillingSettings } from '@/server/services/settings/read';
import { publishIssuedDocuments, publishWebhookEvents } from '@/server/services/webhooks/publish';
import { customerSnapshot } from './snapshot';
import { loadInvoice, moneyOf, nextNumber, type InvoiceView } from './store';

/**
 * All open invoices of a customer in one currency become one parent invoice (DESIGN.md §4):
 * their lines, plus a negative line per source for what was already paid on it. The sources
 * are cancelled and point at the parent; their payments stay where they were made. A preview
 * answers with the parent as it would be and writes nothing.
 */
export async function consolidateInvoices(
  ctx: ServiceContext,
  input: { customerId: string; currency?: string | undefined; preview?: boolean | undefined },
): Promise<InvoiceView> {
  requirePermission(ctx.actor, 'invoices.create');
  return writeOrPreview(ctx.db, input.preview, async (tx) => {
    const customer = await findCustomer(tx, ctx.actor.scope, input.customerId);
    await lockCustomer(tx, customer.id);
    const currency = input.currency ?? customer.currency;
    const sources = await tx
      .select()
      .from(invoices)
      .where(
        and(
          eq(invoices.customerId, customer.id),
          eq(invoices.kind, 'invoice'),
          // A top-up buys credit when it is paid; folded into a parent it would be billed as a sale.
          ne(invoices.purpose, 'top_up'),
          eq(invoices.currency, currency),
          inArray(invoices.status, [...awaitingPayment]),
        ),
      )
      .orderBy(asc(invoices.issueDate), asc(invoices.createdAt))
      .for('update');
    if (sources.length < 2) throw new AppError('invalid_state', `Consolidation needs at least two open ${currency} invoices; there are ${sources.length}`);

    const sourceLines = await tx
      .select()
      .from(invoiceLines)
      .where(
        inArray(
          invoiceLines.invoiceId,
          sources.map((s) => s.id),
        ),
      )
      .orderBy(asc(invoiceLines.position));
    const lines = sources.flatMap((source) => {
      const own = sourceLines
        .filter((l) => l.invoiceId === source.id)
        .map(({ id: _id, invoiceId: _invoice, position: _position, ...line }) => ({
          ...line,
          description: `${source.number}: ${line.description}`,
          // The service period stays billed by the source line; the copy only shows it.
          serviceId: null,
        }));
      if (source.amountPaid === 0n) return own;
      const paid = -source.amountPaid;
      return [
        ...own,
        {
          description: `${source.number}: already paid`,
          quantity: formatMilli(1000n),
          unitPrice: paid,
          taxRate: '0',
          subtotal: paid,
          tax: 0n,
          total: paid,
          serviceId: null,
          periodStart: null,
          periodEnd: null,
        },
      ];
    });
    const sum = (pick: (l: (typeof lines)[number]) => bigint) => lines.reduce((total, line) => total + pick(line), 0n);

    const settings = await readBillingSettings(tx);
    const today = toPlainDate(ctx.now);
    const [parent] = await tx
      .insert(invoices)
      .values({
        kind: 'invoice',
        status: 'pending',
        number: await nextNumber(tx, 'invoice', today, settings),
        customerSnapshot: customerSnapshot(customer.id),
        customerId: customer.id,
        currency,
        taxMode: sources[0]!.taxMode,
        issueDate: today,
        // The earliest source due date: consolidating must not postpone what was already due.
        dueDate: sources.map((s) => s.dueDate).sort()[0]!,
        subtotal: sum((l) => l.subtotal),
        taxTotal: sum((l) => l.tax),
        total: sum((l) => l.total),
        purpose: 'consolidated',
        notes: `Consolidates ${sources.map((s) => s.number).join(', ')}`,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: invoices.id });
    await tx.insert(invoiceLines).values(lines.map((line, position) => ({ ...line, invoiceId: parent!.id, position })));

    for (const source of sources) {
      const next = invoiceTransition(moneyOf(source), 'consolidate');
      if (!next.ok) throw new AppError(next.code, next.message);
    }
    await tx
      .update(invoices)
      .set({ status: 'cancelled', consolidatedIntoId: parent!.id, updatedAt: ctx.now })
      .where(
        inArray(
          invoices.id,
          sources.map((s) => s.id),
        ),
      );
    const view = await loadInvoice(tx, { kind: 'all' }, parent!.id);
    await audit(
      tx,
      ctx.actor,
      'invoice.consolidated',
      { type: 'invoice', id: parent!.id },
      {
        before: sources.map((s) => ({ id: s.id, number: s.number, status: s.status })),
        after: view,
      },
    );
    await publishIssuedDocuments(tx, [parent!.id], ctx.now);
    await publishWebhookEvents(
      tx,
      'invoice.cancelled',
      'invoice',
      sources.map((s) => s.id),
      ctx.now,
    );
    return view;
  });
}
