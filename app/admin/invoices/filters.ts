import type { z } from 'zod';
import { invoiceFilters } from '@/server/schemas/invoice-filters';
import type { listInvoicesInput } from '@/server/schemas/invoices';
import type { SearchParams } from '../../_lib/format';
import { listParams, readParams } from '../../_lib/list-params';

export type { SearchParams };

/** The list's filters from the URL; a saved view's query is checked by the same rules (invoiceFilters). */
export function invoiceFiltersFrom(params: SearchParams): {
  input: z.output<typeof listInvoicesInput>;
  errors: Record<string, string>;
  raw: ReturnType<typeof readParams<keyof typeof listParams.invoices>>;
} {
  const raw = readParams(listParams.invoices, params);
  return { ...invoiceFilters(raw), raw };
}
