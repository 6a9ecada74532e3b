import type { z } from 'zod';
import { fieldErrors } from '@/server/errors';
import { listTransactionsInput } from '@/server/schemas/ledger';
import type { SearchParams } from '../../_lib/format';
import { listParams, readParams } from '../../_lib/list-params';

export type { SearchParams };

/** The ledger's filters from the URL, with a message per filter the API would refuse. */
export function transactionFiltersFrom(params: SearchParams): {
  input: z.output<typeof listTransactionsInput>;
  errors: Record<string, string>;
  raw: ReturnType<typeof readParams<keyof typeof listParams.transactions>>;
} {
  const raw = readParams(listParams.transactions, params);
  const parsed = listTransactionsInput.safeParse({ ...raw, limit: 25 });
  if (parsed.success) return { input: parsed.data, errors: {}, raw };
  return { input: listTransactionsInput.parse({ limit: 25 }), errors: fieldErrors(parsed.error.issues), raw };
}
