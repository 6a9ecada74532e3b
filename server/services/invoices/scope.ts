import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import { customers, invoices } from '@/db/schema';
import type { Scope } from '@/server/auth/actor';
import type { NotificationRow } from './store';

/**
 * An invoice as its own customer may read it: the desk's notification log (provider answers,
 * who sent it) and internal notes stay with the desk, as on the public link. A reseller reads the
 * log without the providers' answers, which are for the desk's eyes only.
 */
export function asSeenByCustomer<T extends { notes: string | null; notifications: NotificationRow[] }>(scope: Scope, invoice: T): T {
  if (scope.kind === 'customer') return { ...invoice, notes: null, notifications: [] };
  if (scope.kind === 'reseller') return { ...invoice, notifications: invoice.notifications.map((n) => ({ ...n, detail: null })) };
  return invoice;
}

/** The invoices a scope may see: a reseller's customers', or a client's own once issued (a draft is the desk's). */
export function invoiceScope(scope: Scope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'reseller':
      return sql`${invoices.customerId} in (select ${customers.id} from ${customers} where ${customers.resellerId} = ${scope.resellerId})`;
    case 'customer':
      return and(eq(invoices.customerId, scope.customerId), ne(invoices.status, 'draft'));
    case 'none':
      return sql`false`;
  }
}
