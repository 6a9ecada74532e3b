import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { customers, invoices, orders, payments } from '@/db/schema';
import { bigintValue, sumBigint } from '@/db/sql';
import { requirePermission } from '@/server/auth/actor';
import { awaitingPayment } from '@/server/billing/invoice-status';
import { addDays, toPlainDate } from '@/server/billing/periods';
import type { ServiceContext } from '@/server/services/context';
import { invoiceScope } from '@/server/services/invoices/scope';
import { orderScope } from '@/server/services/orders/scope';

const open = inArray(invoices.status, [...awaitingPayment]);
const sumBalance = sumBigint(sql`${invoices.total} - ${invoices.amountPaid}`);

/** The desk at a glance: what is owed and late per currency, what falls due, what came in, what waits. */
export async function dashboardSummary(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'invoices.view');
  const scope = invoiceScope(ctx.actor.scope);
  const today = toPlainDate(ctx.now);
  const [unpaid, overdue, dueSoon, recent, awaiting] = await Promise.all([
    ctx.db
      .select({ currency: invoices.currency, amount: sumBalance, count: sql<number>`count(*)::int` })
      .from(invoices)
      .where(and(scope, open))
      .groupBy(invoices.currency)
      .orderBy(invoices.currency),
    ctx.db
      .select({ currency: invoices.currency, amount: sumBalance, count: sql<number>`count(*)::int` })
      .from(invoices)
      .where(and(scope, eq(invoices.status, 'overdue')))
      .groupBy(invoices.currency)
      .orderBy(invoices.currency),
    ctx.db
      .select({
        id: invoices.id,
        number: invoices.number,
        dueDate: invoices.dueDate,
        currency: invoices.currency,
        balance: sql<bigint>`(${invoices.total} - ${invoices.amountPaid})`.mapWith(bigintValue),
        customer: customers.name,
      })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(and(scope, inArray(invoices.status, ['pending', 'partial']), gte(invoices.dueDate, today), lte(invoices.dueDate, addDays(today, 7))))
      .orderBy(asc(invoices.dueDate))
      .limit(8),
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
      })
      .from(payments)
      .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
      .innerJoin(customers, eq(customers.id, payments.customerId))
      .where(scope)
      .orderBy(desc(payments.paidAt))
      .limit(8),
    ctx.actor.permissions.has('orders.view')
      ? ctx.db
          .select({ id: orders.id, number: orders.number, name: orders.name, customer: customers.name, createdAt: orders.createdAt })
          .from(orders)
          .innerJoin(customers, eq(customers.id, orders.customerId))
          .where(and(orderScope(ctx.actor.scope), eq(orders.status, 'pending'), eq(orders.awaitingApproval, true)))
          .orderBy(asc(orders.createdAt))
          .limit(8)
      : Promise.resolve([]),
  ]);
  return { unpaid, overdue, dueSoon, recent, awaiting };
}
