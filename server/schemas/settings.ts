import { z } from 'zod';
import { fallbackLocale, localeInput, locales } from '@/i18n/locales';
import { customBoundsMm, paperSyntax, parsePaper } from '../documents/paper';
import { currencyCode, percentText } from './common';

/** The billing settings block of the API (GET|PATCH /api/v1/settings/billing). */
export const billingSettings = z.object({
  currency: currencyCode.default('USD'),
  tax_label: z.string().trim().max(50).default('Tax'),
  tax_rate: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,3})?$/, 'must be a percent with at most 3 decimals')
    .default('0'),
  tax_mode: z.enum(['exclusive', 'inclusive']).default('exclusive'),
  display_decimals: z.number().int().min(0).max(4).optional(),
  invoice_number: z
    .object({
      prefix: z.string().trim().max(20).default('INV'),
      // Proformas are no tax documents: their own series, so the invoice series stays gapless.
      proforma_prefix: z.string().trim().max(20).default('PF-'),
      include_year: z.boolean().default(true),
      padding: z.number().int().min(1).max(12).default(5),
      reset: z.enum(['yearly', 'never']).default('yearly'),
    })
    .default({ prefix: 'INV', proforma_prefix: 'PF-', include_year: true, padding: 5, reset: 'yearly' }),
  // The language of customers who chose none: their documents, e-mails and portal.
  default_locale: z.enum(locales).catch(fallbackLocale).default(fallbackLocale),
  // The document a new order starts with when it names none (POST /orders `document`): a desk
  // whose customers pay against proformas (Billia) sets it once instead of on every order.
  first_document: z.enum(['invoice', 'proforma']).default('invoice'),
  renewal_window_days: z.number().int().min(0).max(90).default(7),
  payment_due_days: z.number().int().min(0).max(365).default(30),
  paper_size: z.string().default('A4'),
  custom_paper_mm: z.object({ width: z.number().positive(), height: z.number().positive() }).optional(),
  bank_details: z.string().max(2000).default(''),
  dunning: z
    .object({
      reminder_days: z.array(z.number().int().min(-60).max(365)).default([-3, 1, 7]),
      suspend_after_days: z.number().int().min(0).default(14),
      terminate_after_days: z.number().int().min(0).default(60),
    })
    .default({ reminder_days: [-3, 1, 7], suspend_after_days: 14, terminate_after_days: 60 }),
  // What customers may do to their services in the portal (docs/services.md): change plan within
  // the product's category, and whether a cancellation ends the service at the end of its paid
  // period (nothing more is billed) or at once.
  self_service: z
    .object({
      plan_changes: z.boolean().default(true),
      cancellation: z.enum(['end_of_period', 'immediately']).default('end_of_period'),
    })
    .default({ plan_changes: true, cancellation: 'end_of_period' }),
});
export type BillingSettings = z.infer<typeof billingSettings>;

const customMm = z
  .number({ error: 'must be a number of millimetres' })
  .min(customBoundsMm.min, `must be at least ${customBoundsMm.min} mm`)
  .max(customBoundsMm.max, `must be at most ${customBoundsMm.max} mm`);

/** PATCH body: any subset of the block; nested blocks may be partial too. */
export const billingSettingsPatch = z.strictObject({
  currency: currencyCode.optional(),
  tax_label: z.string().trim().max(50).optional(),
  tax_rate: percentText.optional(),
  tax_mode: z.enum(['exclusive', 'inclusive']).optional(),
  display_decimals: z.number().int().min(0).max(4).optional(),
  invoice_number: z
    .strictObject({
      prefix: z.string().trim().max(20).optional(),
      proforma_prefix: z.string().trim().max(20).optional(),
      include_year: z.boolean().optional(),
      padding: z.number().int().min(1).max(12).optional(),
      reset: z.enum(['yearly', 'never']).optional(),
    })
    .optional(),
  first_document: z.enum(['invoice', 'proforma'], { error: 'must be invoice or proforma' }).optional(),
  default_locale: localeInput.optional(),
  renewal_window_days: z.number().int().min(0).max(90).optional(),
  payment_due_days: z.number().int().min(0).max(365).optional(),
  // A size the documents know (or "custom" with custom_paper_mm): a typo would print on A4 unnoticed.
  paper_size: z
    .string()
    .trim()
    .max(30)
    .refine((v) => v.toLowerCase() === 'custom' || parsePaper(v) !== null, `must be ${paperSyntax}, or "custom"`)
    .optional(),
  custom_paper_mm: z.object({ width: customMm, height: customMm }).optional(),
  bank_details: z.string().max(2000).optional(),
  dunning: z
    .strictObject({
      reminder_days: z.array(z.number().int().min(-60).max(365)).max(20).optional(),
      suspend_after_days: z.number().int().min(0).optional(),
      terminate_after_days: z.number().int().min(0).optional(),
    })
    .optional(),
  self_service: z
    .strictObject({
      plan_changes: z.boolean().optional(),
      cancellation: z.enum(['end_of_period', 'immediately'], { error: 'must be end_of_period or immediately' }).optional(),
    })
    .optional(),
});
export type BillingSettingsPatch = z.infer<typeof billingSettingsPatch>;
