import { asc, desc, eq } from 'drizzle-orm';
import { creditLedger, services } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { balanceOf } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import { camelized } from '@/server/schemas/common';
import { listInvoicesInput } from '@/server/schemas/invoices';
import type { ServiceContext } from '@/server/services/context';
import { listInvoices } from '@/server/services/invoices/list';
import { moneyOf } from '@/server/services/invoices/store';
import { recordPayment } from '@/server/services/payments/record';
import { findCustomer } from './store';

/** A customer's services and credit ledger (newest first), for the customer page. */
export async function getCustomerAccount(ctx: ServiceContext, input: { id: string }) {
  // A client may always read its own account (the scope below finds no other); everyone else needs the permission.
  if (ctx.actor.scope.kind !== 'customer') requirePermission(ctx.actor, 'customers.view');
  const customer = await findCustomer(ctx.db, ctx.actor.scope, input.id);
  const [serviceRows, ledger] = await Promise.all([
    ctx.db.select().from(services).where(eq(services.customerId, customer.id)).orderBy(asc(services.createdAt)),
    ctx.db.select().from(creditLedger).where(eq(creditLedger.customerId, customer.id)).orderBy(desc(creditLedger.createdAt), desc(creditLedger.id)).limit(100),
  ]);
  return { customer, services: serviceRows, ledger };
}

/**
 * "Quick pay": one click pays exactly what the customer owes in a currency, oldest invoice
 * first, each invoice in full, with one payment per invoice.
 */
export async function quickPay(
  ctx: ServiceContext,
  input: { customerId: string; currency: string; method: 'cash' | 'card' | 'bank_transfer' | 'credit'; reference?: string | undefined },
): Promise<{ paid: number; amount: bigint }> {
  requirePermission(ctx.actor, 'invoices.edit');
  return ctx.db.transaction(async (tx) => {
    const customer = await findCustomer(tx, ctx.actor.scope, input.customerId);
    const open: Array<{ id: string; balance: bigint; dueDate: string }> = [];
    for (const status of ['overdue', 'partial', 'pending'] as const) {
      const page = await listInvoices(
        { ...ctx, db: tx },
        camelized(listInvoicesInput).parse({ customer: customer.id, status, currency: input.currency, limit: 200 }),
      );
      open.push(...page.items.map((i) => ({ id: i.id, balance: balanceOf(moneyOf(i)), dueDate: i.dueDate })));
    }
    open.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    if (open.length === 0) throw new AppError('invalid_state', 'This customer owes nothing in that currency');
    let amount = 0n;
    for (const invoice of open) {
      await recordPayment(
        { ...ctx, db: tx },
        { invoiceId: invoice.id, amount: invoice.balance, method: input.method, reference: input.reference ?? 'Quick pay' },
      );
      amount += invoice.balance;
    }
    return { paid: open.length, amount };
  });
}
