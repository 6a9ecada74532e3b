import { z } from 'zod';
import type { TemplateKey } from '@/emails/template-keys';
import { manualStatuses } from '../billing/invoice-desk';
import { requiredText } from './common';
import type { PaymentMethod } from './invoices';

/**
 * Money received outside Cashdesk that the desk records by hand (Mark as paid, Add payment).
 * Stripe and PayPal payments are recorded by their gateways, with the gateway's id (a refund
 * goes back through it); credit is Apply credit.
 */
export const deskPaymentMethods = ['bank_transfer', 'cash', 'card', 'prepaid_card', 'collector', 'online'] as const satisfies readonly PaymentMethod[];
export const gatewayMethods = ['stripe', 'paypal'] as const satisfies readonly PaymentMethod[];

export const changeInvoiceStatusInput = z.strictObject({
  status: z.enum(manualStatuses, { error: `must be one of ${manualStatuses.join(', ')}` }),
  reason: requiredText(500),
});

export const reminderTemplates = ['friendly', 'overdue', 'final'] as const;
export type ReminderTemplate = (typeof reminderTemplates)[number];

/** Which e-mail template (Admin → Email templates) each reminder sends. */
export const reminderTemplateKeys = {
  friendly: 'payment_reminder',
  overdue: 'overdue_notice',
  final: 'final_notice',
} as const satisfies Record<ReminderTemplate, TemplateKey>;

export const reminderTemplateNames: Record<ReminderTemplate, string> = {
  friendly: 'Friendly reminder',
  overdue: 'Overdue notice',
  final: 'Final notice',
};

export const sendReminderInput = z.strictObject({
  template: z.enum(reminderTemplates, { error: `must be one of ${reminderTemplates.join(', ')}` }),
});

export const reminderOutput = z.object({
  id: z.string().describe('the reminder’s id; its entry in the invoice’s notifications carries it once sent'),
  invoice_id: z.string(),
  template: z.enum(reminderTemplates),
  channel: z.literal('email'),
  status: z.literal('queued').describe('sent by the notify-customer workflow moments later; the outcome lands in the invoice’s notifications'),
  queued_at: z.string(),
});
