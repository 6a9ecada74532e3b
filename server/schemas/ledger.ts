import { z } from 'zod';
import { currencyCode, id, listInput, type DomainInput } from './common';
import { plainDate } from './invoices';

export const transactionTypes = ['income', 'refund', 'credit', 'commission_payout'] as const;
export type TransactionType = (typeof transactionTypes)[number];

export const listTransactionsInput = listInput.extend({
  type: z.enum(transactionTypes).optional(),
  from: plainDate.optional(),
  to: plainDate.optional(),
  customer_id: id.optional(),
  reseller_id: id.optional(),
  currency: currencyCode.optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ListTransactionsInput = DomainInput<typeof listTransactionsInput>;

export const transactionOutput = z.object({
  id: z.string(),
  type: z.enum(transactionTypes),
  amount: z.number().int(),
  currency: z.string(),
  invoice_id: z.string().nullable(),
  payment_id: z.string().nullable(),
  refund_id: z.string().nullable(),
  customer_id: z.string().nullable(),
  reseller_id: z.string().nullable(),
  reference: z.string().nullable(),
  actor: z.string(),
  created_at: z.string(),
});
