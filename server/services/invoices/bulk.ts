import { and, inArray } from 'drizzle-orm';
import { invoices } from '@/db/schema';
import type { TemplateKey } from '@/emails/template-keys';
import { requirePermission } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import type { Channel, PaymentMethod } from '@/server/schemas/invoices';
import type { ServiceContext } from '@/server/services/context';
import { markInvoicePaid } from './mark-paid';
import { invoiceScope } from './scope';
import { deliverInvoice } from './send';

export type BulkResult = {
  succeeded: { id: string; number: string | null }[];
  failed: { id: string; number: string | null; code: string; message: string }[];
};

type Target = { id: string; number: string | null; status: (typeof invoices.$inferSelect)['status'] };

/**
 * Runs one invoice's action per id, each in its own transaction (the single-invoice service's),
 * so a refusal on one undoes none of the others. Ids are taken in a fixed order, so two bulk
 * calls over the same invoices lock them in the same order and wait instead of deadlocking.
 * An id outside the actor's book answers as a made-up one would: not found.
 */
async function eachInvoice(ctx: ServiceContext, ids: readonly string[], act: (target: Target) => Promise<void>): Promise<BulkResult> {
  const wanted = [...new Set(ids)].sort();
  const found = await ctx.db
    .select({ id: invoices.id, number: invoices.number, status: invoices.status })
    .from(invoices)
    .where(and(inArray(invoices.id, wanted), invoiceScope(ctx.actor.scope)));
  const byId = new Map(found.map((row) => [row.id, row]));
  const result: BulkResult = { succeeded: [], failed: [] };
  for (const id of wanted) {
    const target = byId.get(id);
    if (!target) {
      result.failed.push({ id, number: null, code: 'not_found', message: 'Invoice not found' });
      continue;
    }
    try {
      await act(target);
      result.succeeded.push({ id, number: target.number });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.failed.push({ id, number: target.number, code: error.code, message: error.message });
    }
  }
  return result;
}

/**
 * Pays each invoice's whole balance ("Mark paid" on the list's selection). An invoice already
 * paid fails with "nothing left to pay", so repeating the call, or two calls at once, pay each
 * invoice once.
 */
export async function bulkMarkPaid(
  ctx: ServiceContext,
  input: { ids: readonly string[]; method?: PaymentMethod | undefined; reference?: string | undefined },
): Promise<BulkResult> {
  requirePermission(ctx.actor, 'invoices.edit');
  return eachInvoice(ctx, input.ids, async ({ id }) => {
    await markInvoicePaid(ctx, { id, method: input.method, reference: input.reference });
  });
}

type SendAll = { ids: readonly string[]; channel: Channel; origin: string; eventId?: string | undefined };

async function sendEach(ctx: ServiceContext, input: SendAll, template: (target: Target) => TemplateKey | undefined): Promise<BulkResult> {
  requirePermission(ctx.actor, 'invoices.edit');
  return eachInvoice(ctx, input.ids, async (target) => {
    const { entry } = await deliverInvoice(ctx, {
      id: target.id,
      channel: input.channel,
      origin: input.origin,
      template: template(target),
      eventId: input.eventId,
    });
    // The provider's refusal is in the invoice's log; the list reports it as this invoice's failure.
    if (entry.status === 'failed') throw new AppError('conflict', entry.detail ?? 'The provider refused the message');
  });
}

/**
 * Sends each invoice as "Send" on its page does. With an `eventId` (the console's click, the
 * REST Idempotency-Key) a repeat sends nothing twice.
 */
export function bulkSend(ctx: ServiceContext, input: SendAll): Promise<BulkResult> {
  return sendEach(ctx, input, () => undefined);
}

const open = new Set<Target['status']>(['pending', 'partial', 'overdue']);

/** A payment reminder for each open invoice (the overdue notice for an overdue one); others fail, as they owe nothing. */
export function bulkSendReminder(ctx: ServiceContext, input: SendAll): Promise<BulkResult> {
  return sendEach(ctx, input, (target) => {
    if (!open.has(target.status)) throw new AppError('invalid_state', `A ${target.status} invoice is not awaiting payment: no reminder to send`);
    return target.status === 'overdue' ? 'overdue_notice' : 'payment_reminder';
  });
}
