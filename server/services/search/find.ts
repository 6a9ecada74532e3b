import { and, desc, eq, ilike, isNull, or, type SQL } from 'drizzle-orm';
import { customers, invoices, orders, payments } from '@/db/schema';
import { can } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import type { SearchInput } from '@/server/schemas/search';
import type { ServiceContext } from '@/server/services/context';
import { customerScope, ownedByScope } from '@/server/services/customers/scope';
import { invoiceReadScope, invoiceScope } from '@/server/services/invoices/scope';
import { orderScope } from '@/server/services/orders/scope';
import { containsPattern } from '@/server/services/pagination';

/** How many records of each kind the palette shows: enough to pick from, few enough to read. */
const perGroup = 6;

export type SearchResults = {
  customers: Array<{ id: string; name: string; email: string; company: string | null }>;
  invoices: Array<{ id: string; number: string | null; status: string; total: bigint; currency: string; customerName: string }>;
  orders: Array<{ id: string; number: string; status: string; total: bigint; currency: string; customerName: string }>;
  payments: Array<{
    id: string;
    invoiceId: string;
    invoiceNumber: string | null;
    amount: bigint;
    currency: string;
    reference: string | null;
    provider: string | null;
    providerId: string | null;
    customerName: string;
  }>;
};

/**
 * The console's global search: customers by name, e-mail or company; invoices and orders by
 * number or their customer's name or e-mail; payments by reference or gateway id. Each kind
 * within the scope its own list uses, and only the kinds the actor may read (a staff member
 * without invoices.view finds no invoices or payments). A client or a collector has no console.
 */
export async function searchEverything(ctx: ServiceContext, input: SearchInput): Promise<SearchResults> {
  const { actor } = ctx;
  if (actor.scope.kind !== 'all' && actor.scope.kind !== 'reseller') throw new AppError('forbidden', 'Search is not available to this account');
  const pattern = containsPattern(input.q);
  const customerMatches: SQL | undefined = or(ilike(customers.name, pattern), ilike(customers.email, pattern));
  const none = Promise.resolve([]);

  const [foundCustomers, foundInvoices, foundOrders, foundPayments] = await Promise.all([
    can(actor, 'customers.view')
      ? ctx.db
          .select({ id: customers.id, name: customers.name, email: customers.email, company: customers.company })
          .from(customers)
          .where(and(customerScope(actor.scope), or(customerMatches, ilike(customers.company, pattern))))
          .orderBy(customers.name, customers.id)
          .limit(perGroup)
      : none,
    can(actor, 'invoices.view')
      ? ctx.db
          .select({
            id: invoices.id,
            number: invoices.number,
            status: invoices.status,
            total: invoices.total,
            currency: invoices.currency,
            customerName: customers.name,
          })
          .from(invoices)
          .innerJoin(customers, eq(customers.id, invoices.customerId))
          .where(and(invoiceScope(invoiceReadScope(actor)), isNull(invoices.deletedAt), or(ilike(invoices.number, pattern), customerMatches)))
          .orderBy(desc(invoices.createdAt), desc(invoices.id))
          .limit(perGroup)
      : none,
    can(actor, 'orders.view')
      ? ctx.db
          .select({ id: orders.id, number: orders.number, status: orders.status, total: orders.total, currency: orders.currency, customerName: customers.name })
          .from(orders)
          .innerJoin(customers, eq(customers.id, orders.customerId))
          .where(and(orderScope(actor.scope), or(ilike(orders.number, pattern), customerMatches)))
          .orderBy(desc(orders.createdAt), desc(orders.id))
          .limit(perGroup)
      : none,
    can(actor, 'invoices.view')
      ? ctx.db
          .select({
            id: payments.id,
            invoiceId: payments.invoiceId,
            invoiceNumber: invoices.number,
            amount: payments.amount,
            currency: payments.currency,
            reference: payments.reference,
            provider: payments.provider,
            providerId: payments.providerId,
            customerName: customers.name,
          })
          .from(payments)
          .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
          .innerJoin(customers, eq(customers.id, payments.customerId))
          .where(and(ownedByScope(payments.customerId, actor.scope), or(ilike(payments.reference, pattern), ilike(payments.providerId, pattern))))
          .orderBy(desc(payments.paidAt), desc(payments.id))
          .limit(perGroup)
      : none,
  ]);
  return { customers: foundCustomers, invoices: foundInvoices, orders: foundOrders, payments: foundPayments };
}
