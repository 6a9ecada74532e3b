import { randomUUID } from 'node:crypto';
import { requirePermission } from '@/server/auth/actor';
import { canRemind } from '@/server/billing/invoice-desk';
import { AppError } from '@/server/errors';
import { emitEvents } from '@/server/jobs/runtime';
import { reminderTemplateKeys, type ReminderTemplate } from '@/server/schemas/invoice-desk';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { lockInvoice, moneyOf } from './store';

export type ReminderView = { id: string; invoiceId: string; template: ReminderTemplate; channel: 'email'; status: 'queued'; queuedAt: Date };

/**
 * Send reminder: queues an e-mail with the chosen template (friendly, overdue, final) through
 * the outbox, in the transaction that audits the request; the notify-customer workflow sends it
 * once (the event id is the send's dedupe key) and logs it in the invoice's notifications.
 * Only a document still awaiting payment is reminded.
 */
export async function sendInvoiceReminder(ctx: ServiceContext, input: { id: string; template: ReminderTemplate }): Promise<ReminderView> {
  requirePermission(ctx.actor, 'invoices.edit');
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoice(tx, ctx.actor.scope, input.id);
    if (!canRemind({ ...moneyOf(invoice), kind: invoice.kind })) {
      throw new AppError('invalid_state', `A ${invoice.status} ${invoice.kind.replace('_', ' ')} is not awaiting payment: there is nothing to remind of`);
    }
    const id = `reminder:${randomUUID()}`;
    const template = reminderTemplateKeys[input.template];
    await emitEvents(tx, [{ name: 'invoice/reminder.requested', id, data: { invoiceId: invoice.id, template } }]);
    await audit(tx, ctx.actor, 'invoice.reminder_requested', { type: 'invoice', id: invoice.id }, { after: { reminder: id, template, channel: 'email' } });
    return { id, invoiceId: invoice.id, template: input.template, channel: 'email', status: 'queued', queuedAt: ctx.now };
  });
}
