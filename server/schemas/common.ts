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
