import { z } from 'zod';
import { id, optionalText, requiredText, type DomainInput } from './common';
import { minorUnits } from './invoices';

/** The Collect page's search among the collector's customers: name, company, e-mail or phone. */
export const findCollectCustomersInput = z.strictObject({ q: optionalText(200) });

/**
 * Cash taken in the field: part of an invoice's balance or all of it, and the number of the
 * paper receipt the collector handed over (its receipt book), which becomes the payment's reference.
 */
export const collectCashInput = z.strictObject({
  invoice_id: id,
  amount: minorUnits.refine((a) => a > 0n, 'must be greater than 0'),
  receipt_number: requiredText(50),
});
export type CollectCashInput = DomainInput<typeof collectCashInput>;
