import { z } from 'zod';
import { currencyCode, id, optionalText } from './common';
import { plainDate } from './invoices';

/** Minor units, as the API writes every amount: a positive whole number. */
const positiveMinor = z
  .number({ error: 'must be an integer amount in minor units' })
  .int('must be an integer amount in minor units (no decimals)')
  .positive('must be greater than 0')
  .refine(Number.isSafeInteger, 'is too large')
  .transform((n) => BigInt(n));

/** How many cards one batch may hold: a print run, not a bulk export. */
export const maxBatchCount = 1000;

export const createVoucherBatchInput = z.strictObject({
  name: optionalText(100),
  value: positiveMinor.describe('what each card is worth, in minor units of `currency`'),
  currency: currencyCode,
  expires_on: plainDate.describe('the last day a card may be redeemed (UTC)'),
  count: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(maxBatchCount, `must be at most ${maxBatchCount}`),
});

export const voucherBatchIdInput = z.strictObject({ id });
export const voucherIdInput = z.strictObject({ id });

export const redeemVoucherInput = z.strictObject({
  code: z.string({ error: 'is required' }).trim().min(1, 'is required').max(40, 'is not a prepaid card code'),
});

export const topUpInput = z.strictObject({
  amount: positiveMinor.describe('the credit to buy, in minor units of the customer’s currency'),
});

const batchFields = {
  id: z.string(),
  name: z.string().nullable(),
  value: z.number().int(),
  currency: z.string(),
  expires_on: z.string(),
  count: z.number().int(),
  redeemed: z.number().int().describe('cards redeemed so far'),
  voided: z.number().int().describe('cards voided, one by one or with the batch'),
  voided_at: z.string().nullable(),
  created_at: z.string(),
};

export const voucherBatchOutput = z.object(batchFields);
export const voucherBatchListOutput = z.object({ data: z.array(voucherBatchOutput) });

export const voucherOutput = z.object({
  id: z.string(),
  code_tail: z.string().describe('the last four symbols of the code'),
  status: z.enum(['unused', 'redeemed', 'voided', 'expired']),
  redeemed_at: z.string().nullable(),
  customer_id: z.string().nullable().describe('who redeemed it'),
  invoice_id: z.string().nullable().describe('the paid invoice its redemption wrote'),
  voided_at: z.string().nullable(),
});

export const voucherBatchDetailOutput = z.object({ ...batchFields, cards: z.array(voucherOutput) });

export const redemptionOutput = z.object({
  voucher_id: z.string(),
  invoice_id: z.string(),
  invoice_number: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  credit_balance: z.number().int().describe('the customer’s credit balance after the redemption'),
});

export const topUpOutput = z.object({
  invoice_id: z.string(),
  invoice_number: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  status: z.string(),
});
