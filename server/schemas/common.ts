import { z } from 'zod';
import { isCurrency } from '../billing/currency';

/** Form fields arrive as "" when left empty; optional text treats that as absent. */
export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max).optional());

export const requiredText = (max: number) =>
  z.string({ error: 'is required' }).trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrency, 'must be an ISO 4217 currency code, like USD');

export const id = z.uuid({ error: 'must be an id' });

/**
 * A moment with its offset, in the years 1000–9999 UTC: PostgreSQL has no year 0 and refuses the
 * '+010000-…' JavaScript writes past 9999, and the driver reads a year below 100 back as 19xx or 20xx.
 */
export const isoInstant = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time' })
  .refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= 1000 && year <= 9999;
  }, 'must be between the years 1000 and 9999');

export const isUuid = (value: string) => id.safeParse(value).success;

export const listInput = z.object({
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 200')
    .max(200, 'must be between 1 and 200')
    .default(50),
  cursor: optionalText(500),
});
