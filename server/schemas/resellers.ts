import { z } from 'zod';
import { resellerFlags } from '../auth/permissions';
import { newPassword } from './account';
import { currencyCode, id, listInput, optionalText, requiredText, type DomainInput } from './common';

const percentPattern = /^(\d{1,3})(?:\.(\d{1,3}))?$/;

/**
 * A commission percent, 0–100 with at most three decimals, read exactly into thousandths of a
 * percent (12.5 → 12500n); a JSON number is read through its shortest decimal spelling.
 */
export const commissionPercent = z.union([z.string(), z.number()], { error: 'must be a percent from 0 to 100, like "12.5"' }).transform((value, ctx) => {
  const match = percentPattern.exec(String(value).trim());
  const milli = match ? BigInt(match[1]!) * 1000n + BigInt((match[2] ?? '').padEnd(3, '0') || '0') : null;
  if (milli === null || milli > 100_000n) {
    ctx.addIssue({ code: 'custom', message: 'must be a percent from 0 to 100 with at most 3 decimals, like "12.5"' });
    return z.NEVER;
  }
  return milli;
});

/** Thousandths of a percent as the API writes them: 12500n → "12.5", 10000n → "10". */
export function percentOfMilli(milli: bigint): string {
  const whole = milli / 1000n;
  const fraction = (milli % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

const email = z.string({ error: 'is required' }).trim().toLowerCase().min(1, 'is required').pipe(z.email('must be a valid e-mail address').max(320));
const flags = z.array(z.enum(resellerFlags, { error: `must be among ${resellerFlags.join(', ')}` })).max(resellerFlags.length);
const optionalCurrency = z.preprocess((v) => (v === '' ? undefined : v), currencyCode.optional());

export const createResellerInput = z.strictObject({
  name: requiredText(200),
  email,
  // Without one the reseller is invited: it sets its own through a password-reset link.
  password: z.preprocess((v) => (v === '' ? undefined : v), newPassword.optional()),
  commission_percent: commissionPercent,
  parent_id: z.preprocess((v) => (v === '' ? undefined : v), id.nullable().optional()),
  permissions: flags.optional(),
  see_parent_customers: z.boolean({ error: 'must be true or false' }).optional(),
  may_create_sub_resellers: z.boolean({ error: 'must be true or false' }).optional(),
  currency: optionalCurrency,
});
export type CreateResellerInput = DomainInput<typeof createResellerInput>;

export const updateResellerInput = z.strictObject({
  name: requiredText(200).optional(),
  email: email.optional(),
  commission_percent: commissionPercent.optional(),
  parent_id: id.nullable().optional(),
  permissions: flags.optional(),
  see_parent_customers: z.boolean({ error: 'must be true or false' }).optional(),
  may_create_sub_resellers: z.boolean({ error: 'must be true or false' }).optional(),
  currency: currencyCode.nullable().optional(),
  active: z.boolean({ error: 'must be true or false' }).optional(),
});
export type UpdateResellerInput = DomainInput<typeof updateResellerInput>;

export const listResellersInput = listInput.extend({ q: optionalText(200), parent_id: id.optional() });
export type ListResellersInput = DomainInput<typeof listResellersInput>;

export const resellerIdInput = z.object({ id });

export const issueResellerKeyInput = z.strictObject({ name: requiredText(100) });

export const resellerOutput = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  commission_percent: z.string().describe('a decimal string, 0–100, at most 3 decimals'),
  parent_id: z.string().nullable(),
  permissions: z.array(z.enum(resellerFlags)),
  see_parent_customers: z.boolean(),
  active: z.boolean(),
  created_at: z.iso.datetime(),
});

export const resellerKeyOutput = z.object({ id: z.string(), name: z.string(), key: z.string().describe('shown only in this answer') });
