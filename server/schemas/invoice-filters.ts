import type { z } from 'zod';
import { currencyExponent, isCurrency, parseMajor } from '../billing/currency';
import { fieldErrors } from '../errors';
import { listInvoicesInput } from './invoices';

/** The invoice list's filters as its URL names them (amounts in major units, as typed). */
export const invoiceFilterKeys = [
  'status',
  'customer',
  'date_field',
  'from',
  'to',
  'currency',
  'min',
  'max',
  'reseller_id',
  'include_deleted',
  'sort',
] as const;
export type InvoiceFilterKey = (typeof invoiceFilterKeys)[number];

/**
 * The list's input from its URL's values, with a message per filter the list refuses. Amounts are
 * typed in major units ("10.50") and turned into the API's minor units with the chosen currency
 * (two decimals when none is chosen).
 */
export function invoiceFilters(raw: Partial<Record<InvoiceFilterKey | 'cursor', string>>): {
  input: z.output<typeof listInvoicesInput>;
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const currency = raw.currency?.toUpperCase();
  const amountCurrency = currency && isCurrency(currency) ? currency : 'USD';
  const amount = (key: 'min' | 'max') => {
    if (!raw[key]) return undefined;
    const minor = parseMajor(raw[key], amountCurrency);
    if (minor === null) errors[key] = `must be an amount with at most ${currencyExponent(amountCurrency)} decimals`;
    return minor === null ? undefined : Number(minor);
  };
  const candidate = {
    status: raw.status,
    customer: raw.customer,
    date_field: raw.date_field,
    from: raw.from,
    to: raw.to,
    currency: raw.currency,
    min_total: amount('min'),
    max_total: amount('max'),
    reseller_id: raw.reseller_id,
    include_deleted: raw.include_deleted,
    sort: raw.sort,
    cursor: raw.cursor,
    limit: 25,
  };
  const parsed = listInvoicesInput.safeParse(candidate);
  if (parsed.success) return { input: parsed.data, errors };
  Object.assign(errors, fieldErrors(parsed.error.issues));
  return { input: listInvoicesInput.parse({ limit: 25 }), errors };
}
