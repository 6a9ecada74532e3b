import type { z } from 'zod';
import { currencyExponent, isCurrency, parseMajor } from '@/server/billing/currency';
import { fieldErrors } from '@/server/errors';
import { listInvoicesInput } from '@/server/schemas/invoices';
import type { SearchParams } from '../../_lib/format';
import { listParams, readParams } from '../../_lib/list-params';

export type { SearchParams };

/**
 * The list's filters from the URL. Amounts are typed in major units ("10.50") and turned into
 * the API's minor units with the chosen currency (two decimals when none is chosen).
 */
export function invoiceFiltersFrom(params: SearchParams): {
  input: z.output<typeof listInvoicesInput>;
  errors: Record<string, string>;
  raw: ReturnType<typeof readParams<keyof typeof listParams.invoices>>;
} {
  const raw = readParams(listParams.invoices, params);
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
    cursor: raw.cursor,
    limit: 25,
  };
  const parsed = listInvoicesInput.safeParse(candidate);
  if (parsed.success) return { input: parsed.data, errors, raw };
  Object.assign(errors, fieldErrors(parsed.error.issues));
  return { input: listInvoicesInput.parse({ limit: 25 }), errors, raw };
}
