import { z } from 'zod';
import { currencyCode } from './common';

/** The billing settings block of the API (GET|PATCH /api/v1/settings/billing). */
export const billingSettings = z.object({
  currency: currencyCode.default('USD'),
  tax_label: z.string().trim().max(50).default('Tax'),
  tax_rate: z.string().regex(/^\d{1,3}(\.\d{1,3})?$/, 'must be a percent with at most 3 decimals').default('0'),
  tax_mode: z.enum(['exclusive', 'inclusive']).default('exclusive'),
  display_decimals: z.number().int().min(0).max(4).optional(),
  invoice_number: z
    .object({
      prefix: z.string().trim().max(20).default('INV'),
      include_year: z.boolean().default(true),
      padding: z.number().int().min(1).max(12).default(5),
      reset: z.enum(['yearly', 'never']).default('yearly'),
    })
    .default({ prefix: 'INV', include_year: true, padding: 5, reset: 'yearly' }),
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
});
export type BillingSettings = z.infer<typeof billingSettings>;
