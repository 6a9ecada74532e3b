import { z } from 'zod';
import { parseMajor } from '@/server/billing/currency';

/** Reads typed money ("12.50") exactly into minor units, or says `message` when `accept` refuses it. */
const readMajor = (currency: string, accept: (minor: bigint) => boolean, message: string, text: string, ctx: z.RefinementCtx) => {
  const minor = parseMajor(text, currency);
  if (minor !== null && accept(minor)) return minor;
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
};

/** Money as typed, in minor units: never a float on the way. */
export const majorAmount = (currency: string, accept: (minor: bigint) => boolean, message: string) =>
  z.string().transform((text, ctx) => readMajor(currency, accept, message, text, ctx));

/** The same, where an empty field means "not given" (undefined). */
export const optionalMajorAmount = (currency: string, accept: (minor: bigint) => boolean, message: string) =>
  z.string().transform((text, ctx) => (text.trim() === '' ? undefined : readMajor(currency, accept, message, text, ctx)));

/** A new password's rules from the server's schema, and the same password typed again. */
export const withConfirmation = <T extends z.ZodRawShape & { new_password: z.ZodType<string> }>(schema: z.ZodObject<T>) =>
  schema.extend({ confirm_password: z.string() }).refine((v: { new_password?: unknown; confirm_password?: unknown }) => v.new_password === v.confirm_password, {
    path: ['confirm_password'],
    message: 'does not match the new password',
  });

/**
 * Checks a value against the server's schema but keeps it as it is, for procedures whose input
 * is that schema's input (what a transform makes of it is the server's business).
 */
export const checkedBy = (schema: z.ZodType) => (value: unknown, ctx: z.RefinementCtx) => {
  const result = schema.safeParse(value);
  if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
};
