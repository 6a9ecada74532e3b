import { z } from 'zod';
import { parseMicro } from '../billing/decimal';
import { id, isoInstant, listInput, type DomainInput } from './common';
import { plainDate } from './invoices';

export const MAX_USAGE_BATCH = 1000;

// A double holds any decimal of up to 15 significant digits exactly; past that the number the
// client wrote may not be the one JSON.parse handed us, so such quantities must come as strings.
const exactDigits = 15;
const significantDigits = (text: string) => text.replace(/[-.]/g, '').replace(/^0+/, '').length;

/** A usage quantity: a decimal string or a JSON number, > 0, at most 6 decimals; micro units out. */
const usageQuantity = z.union([z.string(), z.number()], { error: 'must be a decimal number (a string or a number)' }).transform((value, ctx) => {
  const micro = parseMicro(value);
  if (micro === null) {
    ctx.addIssue({ code: 'custom', message: 'must be a decimal number with at most 6 decimals' });
    return z.NEVER;
  }
  if (typeof value === 'number' && significantDigits(String(value)) > exactDigits) {
    ctx.addIssue({ code: 'custom', message: `has more than ${exactDigits} significant digits; send it as a decimal string` });
    return z.NEVER;
  }
  if (micro <= 0n) {
    ctx.addIssue({ code: 'custom', message: 'must be greater than 0' });
    return z.NEVER;
  }
  return micro;
});

export const usageRecordInput = z.strictObject({
  service_id: id,
  quantity: usageQuantity,
  occurred_at: isoInstant.optional(),
  // The reporter's own id for the record: the same id twice for a customer is one record.
  id: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(255, 'must be at most 255 characters').optional(),
});
export type UsageRecordInput = DomainInput<typeof usageRecordInput>;

export const usageBatchInput = z.strictObject({
  records: z
    .array(usageRecordInput, { error: 'must be a list of usage records' })
    .min(1, 'must hold at least one record')
    .max(MAX_USAGE_BATCH, `must hold at most ${MAX_USAGE_BATCH.toLocaleString('en')} records`),
});

export const listUsageInput = listInput.extend({
  service_id: id.optional(),
  from: plainDate.optional(),
  to: plainDate.optional(),
});
export type ListUsageInput = DomainInput<typeof listUsageInput>;

export const usageRecordOutput = z.object({
  id: z.string(),
  service_id: z.string(),
  customer_id: z.string(),
  quantity: z.string(),
  occurred_at: z.string(),
  created_at: z.string(),
  invoice_id: z.string().nullable(),
});

export const usageBatchOutput = z.object({ data: z.array(usageRecordOutput), inserted: z.number().int() });
