import { z } from 'zod';
import { localeInput, locales } from '@/i18n/locales';
import { currencyCode, id, listInput, optionalText, percentText, requiredText, sortParam, type DomainInput } from './common';

export const billingAddressInput = z.object({
  line1: requiredText(200),
  line2: optionalText(200),
  city: requiredText(100),
  region: optionalText(100),
  postal_code: optionalText(20),
  country: z
    .string({ error: 'is required' })
    .trim()
    .toUpperCase()
    .min(1, 'is required')
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code, like US'),
});

export const createCustomerInput = z.object({
  name: requiredText(200),
  email: z.string({ error: 'is required' }).trim().toLowerCase().min(1, 'is required').pipe(z.email('must be a valid e-mail address').max(320)),
  company: optionalText(200),
  phone: optionalText(50),
  tax_id: optionalText(50),
  // The customer's tax defaults (docs/contract-orders.md "Tax defaults"): exempt bills no tax; an
  // override replaces settings' tax_rate; null (or a form's "") clears it.
  tax_exempt: z.boolean({ error: 'must be true or false' }).optional(),
  tax_rate_override: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), percentText.nullable().optional()),
  billing_address: billingAddressInput.optional(),
  currency: z.preprocess((v) => (v === '' ? undefined : v), currencyCode.optional()),
  // The language of the customer's documents, e-mails and portal; absent (or a form's "") follows
  // the settings' default_locale.
  locale: z.preprocess((v) => (v === '' ? undefined : v), localeInput.optional()),
  reseller_id: z.preprocess((v) => (v === '' ? undefined : v), id.optional()),
});
export type CreateCustomerInput = DomainInput<typeof createCustomerInput>;

/** What the customer list sorts by (`sort`, `-` for descending); absent: newest first. */
export const customerSortKeys = ['name', 'email', 'created'] as const;
export type CustomerSortKey = (typeof customerSortKeys)[number];

export const listCustomersInput = listInput.extend({ q: optionalText(200), sort: sortParam(customerSortKeys).optional() });
export type ListCustomersInput = z.infer<typeof listCustomersInput>;

export const customerIdInput = z.object({ id });

export const customerOutput = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  company: z.string().nullable(),
  phone: z.string().nullable(),
  tax_id: z.string().nullable(),
  tax_exempt: z.boolean(),
  tax_rate_override: z.string().nullable().describe('percent, like settings’ tax_rate; null: the settings’ rate applies'),
  billing_address: z
    .object({
      line1: z.string(),
      line2: z.string().optional(),
      city: z.string(),
      region: z.string().optional(),
      postal_code: z.string().optional(),
      country: z.string(),
    })
    .nullable(),
  currency: z.string(),
  locale: z.enum(locales).describe('the language the customer reads documents, e-mails and the portal in: its own choice, else the settings’ default_locale'),
  reseller_id: z.string().nullable(),
  collector_id: z.string().nullable().describe('the cash collector (a user with role collector) assigned to this customer'),
  credit_balance: z.number().int().describe('minor units of `currency`'),
  created_at: z.iso.datetime(),
});

/** An optional detail an edit may clear: null, or a form's empty field, removes it; absent leaves it. */
const clearableText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z.string().trim().max(max, `must be at most ${max} characters`).nullable().optional(),
  );

export const updateCustomerInput = createCustomerInput
  .omit({ reseller_id: true })
  .partial()
  .extend({
    company: clearableText(200),
    phone: clearableText(50),
    tax_id: clearableText(50),
    billing_address: billingAddressInput.nullable().optional(),
    // null (or a form's "") drops the customer's own choice: it follows the settings' default_locale again.
    locale: z.preprocess((v) => (v === '' ? null : v), localeInput.nullable().optional()),
    // Moves the customer to another reseller's book, or with null makes it a direct customer (the desk only).
    reseller_id: id.nullable().optional(),
    // Assigns the customer to a cash collector's round, or with null takes it off (the desk only).
    collector_id: id.nullable().optional(),
  });
export type UpdateCustomerInput = DomainInput<typeof updateCustomerInput>;

export const adjustCreditInput = z.strictObject({
  amount: z
    .number({ error: 'must be an integer amount in minor units' })
    .int('must be an integer amount in minor units (no decimals)')
    .refine((n) => n !== 0, 'must not be zero')
    .refine(Number.isSafeInteger, 'is too large')
    .transform((n) => BigInt(n)),
  reason: z.string({ error: 'is required' }).trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
});
export type AdjustCreditInput = z.infer<typeof adjustCreditInput>;

export const creditEntryOutput = z.object({
  id: z.string(),
  customer_id: z.string(),
  kind: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  reason: z.string(),
  balance: z.number().int().describe('the credit balance after this entry'),
  created_at: z.string(),
});

/** A contact of a customer (a billing desk, an accounts-payable inbox) that invoices may go to. */
export const addCustomerContactInput = z.strictObject({
  customer_id: id,
  name: requiredText(200),
  email: z.string({ error: 'is required' }).trim().toLowerCase().min(1, 'is required').pipe(z.email('must be a valid e-mail address').max(320)),
});
export type AddCustomerContactInput = DomainInput<typeof addCustomerContactInput>;

export const customerContactIdInput = z.object({ id });

/** Quick pay: every open invoice of the customer in that currency, oldest due first, each in full. */
export const quickPayInput = z.strictObject({ currency: currencyCode, method: z.enum(['cash', 'card', 'bank_transfer', 'credit']) });
export const quickPayOutput = z.object({ paid: z.number().int(), amount: z.number().int(), currency: z.string() });

export const customerContactOutput = z.object({ id: z.string(), customer_id: z.string(), name: z.string(), email: z.string(), created_at: z.string() });
