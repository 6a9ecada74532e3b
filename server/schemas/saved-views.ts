import { z } from 'zod';
import { fieldErrors } from '../errors';
import { id, requiredText } from './common';
import { listCustomersInput } from './customers';
import { invoiceFilterKeys, invoiceFilters } from './invoice-filters';
import { listOrdersInput } from './orders';

/** The order and customer lists' filters as their URLs name them (the list's input's own names). */
export const orderFilterKeys = ['status', 'customer', 'product_id', 'from', 'to', 'sort'] as const;
export const customerFilterKeys = ['q', 'sort'] as const;

/** A list whose URL values are its procedure's input as they are: what that input refuses. */
const refusedBy = (schema: z.ZodType) => (query: Record<string, string>) => {
  const parsed = schema.safeParse({ ...query, limit: 25 });
  return parsed.success ? {} : fieldErrors(parsed.error.issues);
};

/**
 * The lists a person can keep views of: the filters each list's URL takes (its page cursor is no
 * filter: a view opens on the first page) and the messages the list itself gives a query it refuses.
 */
export const viewLists: Record<
  'invoices' | 'orders' | 'customers',
  { keys: readonly string[]; errors: (query: Record<string, string>) => Record<string, string> }
> = {
  invoices: { keys: invoiceFilterKeys, errors: (query) => invoiceFilters(query).errors },
  orders: { keys: orderFilterKeys, errors: refusedBy(listOrdersInput) },
  customers: { keys: customerFilterKeys, errors: refusedBy(listCustomersInput) },
};
export type ViewList = keyof typeof viewLists;
export const viewList = z.enum(Object.keys(viewLists) as [ViewList, ...ViewList[]], { error: 'must be a list with saved views' });

/** So many views on one list are no longer a row of chips to choose from. */
export const savedViewLimit = 50;

const viewName = requiredText(60);
/** The query as the list's URL has it: each filter's text, blank ones left out. */
const viewQuery = z
  .record(z.string(), z.string().trim().max(500, 'must be at most 500 characters'))
  .transform((query) => Object.fromEntries(Object.entries(query).filter(([, value]) => value !== '')));

export const listSavedViewsInput = z.strictObject({ list: viewList });
export const createSavedViewInput = z.strictObject({ list: viewList, name: viewName, query: viewQuery });
export const renameSavedViewInput = z.strictObject({ id, name: viewName });
export const deleteSavedViewInput = z.strictObject({ id });
