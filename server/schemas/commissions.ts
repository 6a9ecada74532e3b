import { z } from 'zod';
import { isPlainDate } from '../billing/periods';
import { currencyCode, id, optionalText, type DomainInput } from './common';

const reportDate = z.string({ error: 'is required' }).trim().refine(isPlainDate, 'must be a date like 2026-01-31');

/** A range of issue dates, both inclusive; `to` may not come before `from`. */
const dateRange = { from: reportDate, to: reportDate };

/** Refuses a range that ends before it starts, on `to`; applied last, after any `.extend()`. */
export const inOrder = <S extends z.ZodType<{ from: string; to: string }>>(schema: S) =>
  schema.refine((range) => range.from <= range.to, { message: 'must not be before from', path: ['to'] });

export const commissionsReportFields = z.object({ ...dateRange, format: z.enum(['json', 'csv']).default('json') });
export const commissionsReportInput = inOrder(commissionsReportFields);
export type CommissionsReportInput = DomainInput<typeof commissionsReportInput>;

/** A payout for the commission earned on invoices issued in the range; `amount` defaults to what is outstanding. */
export const commissionPayoutFields = z.strictObject({
  ...dateRange,
  currency: currencyCode,
  amount: z
    .number({ error: 'must be an integer amount in minor units' })
    .int('must be an integer amount in minor units (no decimals)')
    .positive('must be more than 0')
    .refine((n) => Number.isSafeInteger(n), 'is too large')
    .transform((n) => BigInt(n))
    .optional(),
  reference: optionalText(200),
});
export const commissionPayoutInput = inOrder(commissionPayoutFields);
export type CommissionPayoutInput = DomainInput<typeof commissionPayoutInput>;

export const resellerPayoutInput = z.object({ id });

export const commissionRowOutput = z.object({
  reseller_id: z.string(),
  reseller_name: z.string(),
  currency: z.string(),
  invoices_issued: z.number().int(),
  total_billed: z.number().int(),
  total_collected: z.number().int(),
  commission_percent: z.string().describe('a decimal string, 0–100, at most 3 decimals'),
  commission_earned: z.number().int(),
  paid_out: z.number().int(),
  outstanding: z.number().int().describe('earned less paid out; negative when more was paid out than is now earned'),
});

export const commissionsReportOutput = z.object({ data: z.array(commissionRowOutput) });
