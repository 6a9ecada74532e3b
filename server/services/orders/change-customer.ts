import { and, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db';
import { couponRedemptions, customerContacts, customers, invoices, notes, orders, services, usageRecords, users, walletEntries } from '@/db/schema';
import { requirePermission, type Scope } from '@/server/auth/actor';
import { onCustomerChange } from '@/server/billing/order-customer';
import { AppError, notFound } from '@/server/errors';
import type { ChangeOrderCustomerInput } from '@/server/schemas/orders';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { customerScope } from '@/server/services/customers/scope';
import { customerSnapshot } from '@/server/services/invoices/snapshot';
import { lockCustomer } from '@/server/services/locks';
import { orderScope } from './scope';
import { loadOrder, type OrderView } from './store';

export type CustomerProfile = { id: string; name: string; email: string; company: string | null; currency: string };

/**
 * The e-mail addresses a profile answers to: its own and its contacts'. Cashdesk has one customer
 * per e-mail address and one customer per client sign-in, so "the same person" is read through
 * them: two profiles are the same person's when an address of one is an address of the other
 * (Jane's own account, and Acme's with Jane as a contact).
 */
const addressesOf = (customerId: string): SQL =>
  sql`(select lower(${customers.email}) from ${customers} where ${customers.id} = ${customerId}
    union select lower(${customerContacts.email}) from ${customerContacts} where ${customerContacts.customerId} = ${customerId})`;

/** A profile is active unless its client sign-in is disabled; a profile without a sign-in is active. */
const activeProfile = sql`not exists (select 1 from ${users} where ${users.customerId} = ${customers.id} and ${users.disabled})`;

/** The other profiles of the order customer's person in the order's currency that the actor may see: the choices of Change customer. */
async function profilesOf(db: Database, scope: Scope, order: { customerId: string; currency: string }, only?: string): Promise<CustomerProfile[]> {
  const addresses = addressesOf(order.customerId);
  return db
    .select({ id: customers.id, name: customers.name, email: customers.email, company: customers.company, currency: customers.currency })
    .from(customers)
    .where(
      and(
        ne(customers.id, order.customerId),
        only ? eq(customers.id, only) : undefined,
        eq(customers.currency, order.currency),
        activeProfile,
        customerScope(scope),
        sql`(lower(${customers.email}) in ${addresses} or exists (select 1 from ${customerContacts}
          where ${customerContacts.customerId} = ${customers.id} and lower(${customerContacts.email}) in ${addresses}))`,
      ),
    )
    .orderBy(customers.name, customers.id);
}

/** What Change customer offers for an order. */
export async function orderCustomerChoices(ctx: ServiceContext, input: { id: string }): Promise<CustomerProfile[]> {
  requirePermission(ctx.actor, 'orders.edit');
  const [order] = await ctx.db
    .select({ customerId: orders.customerId, currency: orders.currency })
    .from(orders)
    .where(and(eq(orders.id, input.id), orderScope(ctx.actor.scope)));
  if (!order) throw notFound('Order');
  return profilesOf(ctx.db, ctx.actor.scope, order);
}

/**
 * Moves an order to another profile of the same person (Billia's "switch the profile of the user
 * that made the purchase"): the order, its services, its order notes, coupon redemption and
 * unbilled usage, and its unpaid open documents (re-addressed to the new profile); paid, refunded
 * and cancelled documents and credit notes stay with the profile that settled them. A partly paid
 * document refuses the move. Both customers' locks are taken in id order (billing and payments of
 * either wait, and two moves between the same pair cannot deadlock), then the order is re-read:
 * a concurrent move of the same order makes the second one a conflict.
 */
export async function changeOrderCustomer(ctx: ServiceContext, input: ChangeOrderCustomerInput): Promise<OrderView> {
  requirePermission(ctx.actor, 'orders.edit');
  return ctx.db.transaction(async (tx) => {
    const [seen] = await tx
      .select({ customerId: orders.customerId })
      .from(orders)
      .where(and(eq(orders.id, input.id), orderScope(ctx.actor.scope)));
    if (!seen) throw notFound('Order');
    if (seen.customerId === input.customerId) {
      throw new AppError('validation', 'The order already belongs to this customer', { customer_id: 'is the order’s customer already' });
    }
    for (const customerId of [seen.customerId, input.customerId].sort()) await lockCustomer(tx, customerId);
    const [order] = await tx.select().from(orders).where(eq(orders.id, input.id)).for('update');
    if (order!.customerId !== seen.customerId) {
      throw new AppError('conflict', 'The order was moved to another customer meanwhile; reload the page and try again');
    }
    const from = order!.customerId;
    await requireProfile(tx, ctx.actor.scope, order!, input.customerId);

    const documents = await tx
      .select({
        id: invoices.id,
        number: invoices.number,
        kind: invoices.kind,
        status: invoices.status,
        amountPaid: invoices.amountPaid,
        deletedAt: invoices.deletedAt,
      })
      .from(invoices)
      .where(eq(invoices.orderId, order!.id))
      .for('update');
    const fate = documents.map((d) => ({ ...d, fate: onCustomerChange({ ...d, deleted: d.deletedAt !== null }) }));
    const blocking = fate.filter((d) => d.fate === 'blocks');
    if (blocking.length > 0) {
      const names = blocking.map((d) => d.number ?? 'a draft').join(', ');
      throw new AppError('invalid_state', `Partly paid documents cannot move with the order: ${names}. Settle, refund or cancel them first.`);
    }
    const serviceIds = (await tx.select({ id: services.id }).from(services).where(eq(services.orderId, order!.id))).map((s) => s.id);
    if (serviceIds.length > 0) {
      const [credits] = await tx.select({ id: walletEntries.id }).from(walletEntries).where(inArray(walletEntries.serviceId, serviceIds)).limit(1);
      if (credits)
        throw new AppError('invalid_state', 'This order’s services carry included credits in the customer’s wallet: they cannot move to another profile.');
    }

    const moving = fate.filter((d) => d.fate === 'move').map((d) => d.id);
    const to = input.customerId;
    await tx.update(orders).set({ customerId: to, updatedAt: ctx.now }).where(eq(orders.id, order!.id));
    await tx.update(services).set({ customerId: to, updatedAt: ctx.now }).where(eq(services.orderId, order!.id));
    await tx
      .update(notes)
      .set({ customerId: to })
      .where(and(eq(notes.scope, 'order'), eq(notes.orderId, order!.id)));
    await tx.update(couponRedemptions).set({ customerId: to }).where(eq(couponRedemptions.orderId, order!.id));
    if (serviceIds.length > 0) {
      await tx
        .update(usageRecords)
        .set({ customerId: to })
        .where(and(inArray(usageRecords.serviceId, serviceIds), isNull(usageRecords.invoiceId)));
    }
    if (moving.length > 0) {
      // Numbered ones are re-addressed (a draft takes its addressee when it is numbered).
      await tx
        .update(invoices)
        .set({ customerId: to, customerSnapshot: sql`case when ${invoices.number} is null then null else ${customerSnapshot(to)} end`, updatedAt: ctx.now })
        .where(inArray(invoices.id, moving));
    }
    await audit(
      tx,
      ctx.actor,
      'order.customer_changed',
      { type: 'order', id: order!.id },
      {
        before: { customerId: from },
        after: { customerId: to, servicesMoved: serviceIds, documentsMoved: moving, documentsKept: fate.filter((d) => d.fate === 'stay').map((d) => d.id) },
      },
    );
    return loadOrder(tx, { kind: 'all' }, order!.id);
  });
}

/** The target must be one of the choices; anything else (unknown, outside the book, another person's) is the same field error, so it confirms nothing. */
async function requireProfile(tx: Database, scope: Scope, order: { customerId: string; currency: string }, target: string): Promise<void> {
  const [profile] = await profilesOf(tx, scope, order, target);
  if (profile) return;
  const [other] = await tx
    .select({ currency: customers.currency })
    .from(customers)
    .where(and(eq(customers.id, target), customerScope(scope)));
  const [same] = other ? await profilesOf(tx, scope, { ...order, currency: other.currency }, target) : [];
  if (other && same && other.currency !== order.currency) {
    throw new AppError('validation', 'The customer profile bills in another currency', {
      customer_id: `bills in ${other.currency}; the order is in ${order.currency}`,
    });
  }
  throw new AppError('validation', 'Not another active profile of the same person', {
    customer_id: 'must be another active customer profile of the same person (sharing an e-mail address with this order’s customer)',
  });
}
