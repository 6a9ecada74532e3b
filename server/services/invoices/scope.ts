import { and, ne, type SQL } from 'drizzle-orm';
import { invoices } from '@/db/schema';
import { can, type Actor, type Scope } from '@/server/auth/actor';
import { ownedByScope } from '@/server/services/customers/scope';
import type { NotificationRow } from './store';

/**
 * An invoice as its own customer may read it: the desk's notification log (provider answers,
 * who sent it) and internal notes stay with the desk, as on the public link; the printed notes
 * are the customer's to read. A reseller reads the log without the providers' answers, which
 * are for the desk's eyes only.
 */
export function asSeenByCustomer<T extends { internalNotes: string | null; notifications: NotificationRow[] }>(scope: Scope, invoice: T): T {
  if (scope.kind === 'customer') return { ...invoice, internalNotes: null, notifications: [] };
  if (scope.kind === 'reseller') return { ...invoice, notifications: invoice.notifications.map((n) => ({ ...n, detail: null })) };
  return invoice;
}

/** The invoices a scope may see: those of the customers it reaches, and for a client only once issued (a draft is the desk's). */
export function invoiceScope(scope: Scope): SQL | undefined {
  const owned = ownedByScope(invoices.customerId, scope);
  return scope.kind === 'customer' ? and(owned, ne(invoices.status, 'draft')) : owned;
}

/**
 * Whose invoices an actor may read. A reseller granted `transactions.view_all` reads every
 * invoice; what it may change stays its book (writes lock through `invoiceScope(actor.scope)`).
 */
export function invoiceReadScope(actor: Actor): Scope {
  return actor.scope.kind === 'reseller' && can(actor, 'transactions.view_all') ? { kind: 'all' } : actor.scope;
}
