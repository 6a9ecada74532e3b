import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { customers, invoices } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { awaitingPayment } from '@/server/billing/invoice-status';
import type { ServiceContext } from '@/server/services/context';
import { customerScope } from '@/server/services/customers/scope';
import { findCustomer } from '@/server/services/customers/store';

/*
 * What a cash collector sees on its round: its customers (customers.collector_id, through the
 * collector scope) and what each still owes. Nothing else of the customer (notes, orders,
 * credit) and nothing of the invoices beyond what a paper receipt needs.
 */

export type RoundCustomer = { id: string; name: string; company: string | null; phone: string | null; openInvoices: number };
export type OpenInvoice = { id: string; number: string; currency: string; total: bigint; amountPaid: bigint; balance: bigint; dueDate: string; status: string };

const openOnly = inArray(invoices.status, [...awaitingPayment]);
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The collector's customers matching `q` (name, company, e-mail or phone), those owing first. */
export async function findRoundCustomers(ctx: ServiceContext, input: { q?: string | undefined }): Promise<RoundCustomer[]> {
  requirePermission(ctx.actor, 'payments.collect');
  const like = input.q ? `%${escapeLike(input.q)}%` : undefined;
  // Qualified by hand: in a single-table query drizzle writes "id", which the subquery would read as the invoice's.
  const openInvoices = sql<number>`(select count(*) from invoices i where i.customer_id = "customers"."id" and i.status in ${[...awaitingPayment]})::int`;
  return ctx.db
    .select({ id: customers.id, name: customers.name, company: customers.company, phone: customers.phone, openInvoices })
    .from(customers)
    .where(
      and(
        customerScope(ctx.actor.scope),
        like ? or(ilike(customers.name, like), ilike(customers.company, like), ilike(customers.email, like), ilike(customers.phone, like)) : undefined,
      ),
    )
    .orderBy(sql`${openInvoices} = 0`, asc(customers.name), asc(customers.id))
    .limit(50);
}

/** One of the collector's customers and its invoices awaiting payment, oldest due first; anyone else's is not found. */
export async function roundCustomer(ctx: ServiceContext, input: { id: string }): Promise<{ customer: RoundCustomer; invoices: OpenInvoice[] }> {
  requirePermission(ctx.actor, 'payments.collect');
  const customer = await findCustomer(ctx.db, ctx.actor.scope, input.id);
  const rows = await ctx.db
    .select({
      id: invoices.id,
      number: invoices.number,
      currency: invoices.currency,
      total: invoices.total,
      amountPaid: invoices.amountPaid,
      dueDate: invoices.dueDate,
      status: invoices.status,
    })
    .from(invoices)
    .where(and(eq(invoices.customerId, customer.id), openOnly))
    .orderBy(asc(invoices.dueDate), asc(invoices.createdAt));
  return {
    customer: { id: customer.id, name: customer.name, company: customer.company, phone: customer.phone, openInvoices: rows.length },
    // Awaiting payment means issued, so every one has its number.
    invoices: rows.map((row) => ({ ...row, number: row.number ?? '', balance: row.total - row.amountPaid })),
  };
}
