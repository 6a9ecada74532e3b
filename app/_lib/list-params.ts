import { createLoader, parseAsString, type SingleParserBuilder } from 'nuqs/server';
import { invoiceFilterKeys } from '@/server/schemas/invoice-filters';
import { customerFilterKeys, orderFilterKeys } from '@/server/schemas/saved-views';

type StringParams<K extends string> = Record<K, SingleParserBuilder<string>>;

const stringParams = <K extends string>(...keys: K[]) => Object.fromEntries(keys.map((key) => [key, parseAsString])) as StringParams<K>;

/**
 * The URL parameters of each list, read alike by its server page (`readParams`) and its filter
 * bar and pager (nuqs): plain strings, each page parses them into its procedure's input.
 */
export const listParams = {
  invoices: stringParams(...invoiceFilterKeys, 'cursor'),
  orders: stringParams(...orderFilterKeys, 'cursor'),
  transactions: stringParams('type', 'preset', 'from', 'to', 'currency', 'customer_id', 'reseller_id', 'cursor'),
  payments: stringParams('type', 'method', 'from', 'to', 'customer', 'currency', 'reseller_id', 'cursor'),
  services: stringParams('status', 'product_id', 'customer', 'due_from', 'due_to', 'reseller_id', 'terminating_within', 'sort', 'cursor'),
  commissions: stringParams('from', 'to'),
  audit: stringParams('actor', 'entity_type', 'action', 'from', 'to', 'before'),
  jobs: stringParams('status', 'function', 'cursor'),
  customers: stringParams(...customerFilterKeys, 'cursor'),
  resellers: stringParams('q', 'cursor'),
  pages: stringParams('cursor'),
};

/** The list's parameters that are set, trimmed; absent and empty ones are left out. */
export function readParams<K extends string>(
  parsers: StringParams<K>,
  searchParams: Record<string, string | string[] | undefined>,
): Partial<Record<K, string>> {
  const values = createLoader(parsers)(searchParams) as Record<K, string | null>;
  return Object.fromEntries(Object.entries<string | null>(values).flatMap(([key, value]) => (value?.trim() ? [[key, value.trim()]] : []))) as Partial<
    Record<K, string>
  >;
}
