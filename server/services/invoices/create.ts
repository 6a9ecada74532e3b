import { invoices } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { parseMilli } from '@/server/billing/decimal';
import { addDays, toPlainDate } from '@/server/billing/periods';
import { taxRateFor } from '@/server/billing/tax-defaults';
import { AppError } from '@/server/errors';
import type { CreateInvoiceInput } from '@/server/schemas/invoices';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { findCustomer } from '@/server/services/customers/store';
import { lockCustomer } from '@/server/services/locks';
import { readBillingSettings } from '@/server/services/settings/read';
import { publishIssuedDocuments, publishWebhookEvents } from '@/server/services/webhooks/publish';
import { customerSnapshot } from './snapshot';
import { insertLines, loadInvoice, nextNumber, priceItems, type InvoiceView } from './store';

/**
 * A manual invoice or proforma, as a draft or finalized at once (pending, numbered from its
 * kind's series); totals are ours. Made from an order's page, it is listed with that order.
 */
export async function createInvoice(ctx: ServiceContext, input: CreateInvoiceInput, orderId?: string): Promise<InvoiceView> {
  requirePermission(ctx.actor, 'invoices.create');
  return ctx.db.transaction(async (tx) => {
    // Under the customer's lock, so its currency (the invoice's default) cannot change before the invoice is in.
    await lockCustomer(tx, input.customerId);
    const customer = await findCustomer(tx, ctx.actor.scope, input.customerId).catch(() => {
      throw new AppError('validation', 'Unknown customer', { customer_id: 'is not a customer you can bill' });
    });
    const settings = await readBillingSettings(tx);
    const issueDate = input.issueDate ?? toPlainDate(ctx.now);
    const dueDate = input.dueDate ?? addDays(issueDate, settings.payment_due_days);
    if (dueDate < issueDate) throw new AppError('validation', 'The due date is before the issue date', { due_date: 'must not be before the issue date' });
    // A line without a rate takes the customer's (exempt, an override, else the settings').
    const { lines, totals } = priceItems(input.items, settings.tax_mode, taxRateFor(parseMilli(settings.tax_rate)!, customer));
    const finalize = input.status === 'pending';
    const kind = input.kind ?? 'invoice';
    const [row] = await tx
      .insert(invoices)
      .values({
        kind,
        status: finalize ? 'pending' : 'draft',
        number: finalize ? await nextNumber(tx, kind, issueDate, settings) : null,
        customerSnapshot: finalize ? customerSnapshot(customer.id) : null,
        customerId: customer.id,
        orderId: orderId ?? null,
        currency: input.currency ?? customer.currency,
        taxMode: settings.tax_mode,
        issueDate,
        dueDate,
        subtotal: totals.subtotal,
        taxTotal: totals.tax,
        total: totals.total,
        notes: input.notes ?? null,
        internalNotes: input.internalNotes ?? null,
        purpose: 'manual',
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: invoices.id });
    await insertLines(tx, row!.id, lines);
    const invoice = await loadInvoice(tx, { kind: 'all' }, row!.id);
    await audit(tx, ctx.actor, 'invoice.created', { type: 'invoice', id: invoice.id }, { after: invoice });
    if (finalize) await publishIssuedDocuments(tx, [invoice.id], ctx.now);
    else await publishWebhookEvents(tx, 'invoice.created', 'invoice', [invoice.id], ctx.now);
    return invoice;
  });
}
