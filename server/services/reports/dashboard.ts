import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { customers, invoices, orders, payments } from '@/db/schema';
import { bigintValue, sumBigint } from '@/db/sql';
import { requirePermission } from '@/server/auth/actor';
import { dashboardSets, type InvoiceSet } from '@/server/billing/dashboard-sets';
import { toPlainDate } from '@/server/billing/periods';
import type { ServiceContext } from '@/server/services/context';
import { invoiceFilters } from '@/server/services/invoices/list';
import { invoiceReadScope, invoiceScope } from '@/server/services/invoices/scope';
import { orderScope } from '@/server/services/orders/scope';
import { withinDays } from '@/server/services/pagination';

const count = sql<number>`count(*)::int`;
const countOf = async (rows: Promise<Array<{ count: number }>>) => (await rows)[0]?.count ?? 0;
const sumBalance = sumBigint(sql`${invoices.total} - ${invoices.amountPaid}`);

/**
 * The desk at a glance: what is owed and late per currency, what falls due, what came in, what
 * waits. Each card's rows are selected by the invoice list's own filters over `sets`, so the list
 * its View all opens holds exactly what the card counted.
 */
export async function dashboardSummary(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'invoices.view');
  const sets = dashboardSets(toPlainDate(ctx.now));
  const inSet = (set: InvoiceSet) => invoiceFilters(ctx, { dateField: 'issue', ...set });
  const perCurrency = (set: InvoiceSet) =>
    ctx.db
      .select({ currency: invoices.currency, amount: sumBalance, count })
      .from(invoices)
      .where(inSet(set))
      .groupBy(invoices.currency)
      .orderBy(invoices.currency);
  const paidInRange = and(invoiceScope(invoiceReadScope(ctx.actor)), withinDays(payments.paidAt, sets.payments.from, sets.payments.to));
  const [unpaid, overdue, dueSoon, dueSoonCount, recent, paymentCount, awaiting] = await Promise.all([
    perCurrency(sets.unpaid),
    perCurrency(sets.overdue),
    ctx.db
      .select({
        id: invoices.id,
        number: invoices.number,
        dueDate: invoices.dueDate,
        currency: invoices.currency,
        balance: sql<bigint>`(${invoices.total} - ${invoices.amountPaid})`.mapWith(bigintValue),
        customer: customers.name,
        customerId: customers.id,
      })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(inSet(sets.dueSoon))
      .orderBy(asc(invoices.dueDate))
      .limit(8),
    countOf(ctx.db.select({ count }).from(invoices).where(inSet(sets.dueSoon))),
    ctx.db
      .select({
        id: payments.id,
        invoiceId: payments.invoiceId,
        amount: payments.amount,
        currency: payments.currency,
        method: payments.method,
        paidAt: payments.paidAt,
        number: invoices.number,
        customer: customers.name,
        customerId: customers.id,
      })
      .from(payments)
      .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
      .innerJoin(customers, eq(customers.id, payments.customerId))
      .where(paidInRange)
      .orderBy(desc(payments.paidAt))
      .limit(8),
    countOf(ctx.db.select({ count }).from(payments).innerJoin(invoices, eq(invoices.id, payments.invoiceId)).where(paidInRange)),
    ctx.actor.permissions.has('orders.view')
      ? ctx.db
          .select({ id: orders.id, number: orders.number, name: orders.name, customer: customers.name, customerId: customers.id, createdAt: orders.createdAt })
          .from(orders)
          .innerJoin(customers, eq(customers.id, orders.customerId))
          .where(and(orderScope(ctx.actor.scope), eq(orders.status, 'pending'), eq(orders.awaitingApproval, true)))
          .orderBy(asc(orders.createdAt))
          .limit(8)
      : Promise.resolve([]),
  ]);
  return { sets, unpaid, overdue, dueSoon, dueSoonCount, recent, paymentCount, awaiting };
}
