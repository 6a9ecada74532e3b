import { eq } from 'drizzle-orm';
import { invoices } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { invoiceTransition } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { readBillingSettings } from '@/server/services/settings/read';
import { publishWebhookEvents } from '@/server/services/webhooks/publish';
import { customerSnapshot } from './snapshot';
import { loadInvoice, lockInvoice, moneyOf, nextNumber, type InvoiceView } from './store';

/** Draft → pending, taking the next gapless number of its series and freezing its addressee. */
export async function finalizeInvoice(ctx: ServiceContext, input: { id: string }): Promise<InvoiceView> {
  requirePermission(ctx.actor, 'invoices.edit');
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoice(tx, ctx.actor.scope, input.id);
    const next = invoiceTransition(moneyOf(invoice), 'finalize');
    if (!next.ok) throw new AppError(next.code, next.message);
    const number = await nextNumber(tx, invoice.kind, invoice.issueDate, await readBillingSettings(tx));
    await tx
      .update(invoices)
      .set({ status: next.value, number, customerSnapshot: customerSnapshot(invoice.customerId), updatedAt: ctx.now })
      .where(eq(invoices.id, invoice.id));
    await audit(
      tx,
      ctx.actor,
      'invoice.finalized',
      { type: 'invoice', id: invoice.id },
      {
        before: { status: invoice.status },
        after: { status: next.value, number },
      },
    );
    await publishWebhookEvents(tx, 'invoice.finalized', 'invoice', [invoice.id], ctx.now);
    return loadInvoice(tx, { kind: 'all' }, invoice.id);
  });
}
