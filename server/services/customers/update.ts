import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import { creditLedger, customers, invoices, orders } from '@/db/schema';
import { requirePermission, type Actor } from '@/server/auth/actor';
import { AppError, notFound } from '@/server/errors';
import type { UpdateCustomerInput } from '@/server/schemas/customers';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { lockCustomer } from '@/server/services/locks';
import { assignableCollector } from './assignable-collector';
import { assignableReseller } from './assignable-reseller';
import { findCustomer, type CustomerView } from './store';

/**
 * Changes a customer's details and, for the desk, its reseller: `resellerId` moves it to another
 * reseller's book, null makes it a direct customer. A reseller may edit its customers but never
 * move one: naming another reseller is not found (as on create), taking one out of its book or
 * into its own from a sub-reseller's is forbidden. Naming the reseller it already has changes nothing.
 * `collectorId` puts the customer on a cash collector's round (null takes it off): the desk only.
 * The currency changes only while nothing is billed in it: no invoice, order or credit entry.
 */
export async function updateCustomer(ctx: ServiceContext, input: UpdateCustomerInput & { id: string }): Promise<CustomerView> {
  requirePermission(ctx.actor, 'customers.edit');
  return ctx.db.transaction(async (tx) => {
    // Billing takes the customer's lock and then (its inserts' foreign keys) the row: the same order here avoids a deadlock.
    if (input.currency !== undefined) await lockCustomer(tx, input.id);
    // The row lock makes the audit's "before" the state this change replaced, even when two desks race.
    await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, input.id)).for('update');
    const before = await findCustomer(tx, ctx.actor.scope, input.id);
    const changes: Partial<typeof customers.$inferInsert> = { updatedAt: ctx.now };
    if (input.name !== undefined) changes.name = input.name;
    if (input.email !== undefined) changes.email = input.email;
    if (input.company !== undefined) changes.company = input.company;
    if (input.phone !== undefined) changes.phone = input.phone;
    if (input.taxId !== undefined) changes.taxId = input.taxId;
    if (input.taxExempt !== undefined) changes.taxExempt = input.taxExempt;
    if (input.taxRateOverride !== undefined) changes.taxRateOverride = input.taxRateOverride;
    if (input.currency !== undefined && input.currency !== before.currency) {
      await refuseCurrencyOnceBilled(tx, before.id);
      changes.currency = input.currency;
    }
    if (input.billingAddress !== undefined) changes.billingAddress = input.billingAddress;
    if (input.locale !== undefined) changes.locale = input.locale;
    const detailsGiven = Object.keys(changes).length > 1;

    const moved = input.resellerId !== undefined && input.resellerId !== before.resellerId;
    if (moved) {
      refuseResellerMove(ctx.actor, input.resellerId ?? null);
      changes.resellerId = input.resellerId ? (await assignableReseller(tx, input.resellerId)).id : null;
    }
    const reassigned = input.collectorId !== undefined && input.collectorId !== before.collectorId;
    if (reassigned) {
      if (ctx.actor.scope.kind !== 'all') throw new AppError('forbidden', 'Only the desk assigns customers to cash collectors');
      changes.collectorId = input.collectorId ? (await assignableCollector(tx, input.collectorId)).id : null;
    }
    try {
      await tx.update(customers).set(changes).where(eq(customers.id, before.id));
    } catch (error) {
      if (isUniqueViolation(error, 'customers_email_lower_uq')) {
        throw new AppError('conflict', 'A customer with this e-mail already exists', { email: 'is already used by another customer' });
      }
      throw error;
    }
    const after = await findCustomer(tx, { kind: 'all' }, before.id);
    const entity = { type: 'customer', id: before.id };
    if (detailsGiven || !(moved || reassigned)) await audit(tx, ctx.actor, 'customer.updated', entity, { before, after });
    if (moved) {
      await audit(tx, ctx.actor, 'customer.reseller_changed', entity, { before: { resellerId: before.resellerId }, after: { resellerId: after.resellerId } });
    }
    if (reassigned) {
      await audit(tx, ctx.actor, 'customer.collector_changed', entity, {
        before: { collectorId: before.collectorId },
        after: { collectorId: after.collectorId },
      });
    }
    return after;
  });
}

/**
 * Documents, orders and the credit ledger carry the currency they were made in: changing the
 * customer's afterwards would leave its balance and renewals in another one. The caller holds the
 * customer lock billing, ordering and crediting take, so nothing is billed between the check and the change.
 */
async function refuseCurrencyOnceBilled(tx: Database, customerId: string): Promise<void> {
  const billedIn = async (table: typeof invoices | typeof orders | typeof creditLedger, name: string) =>
    (await tx.select({ id: table.id }).from(table).where(eq(table.customerId, customerId)).limit(1)).length > 0 ? [name] : [];
  const what = [...(await billedIn(invoices, 'invoices')), ...(await billedIn(orders, 'orders')), ...(await billedIn(creditLedger, 'credit entries'))];
  if (what.length === 0) return;
  const listed = what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what.at(-1)}` : what[0];
  const reason = `cannot change: this customer already has ${listed} in its currency`;
  throw new AppError('invalid_state', 'The currency of a customer with invoices, orders or credit entries cannot change', { currency: reason });
}

/** Only the desk moves customers between books; a reseller learns nothing about another reseller. */
function refuseResellerMove(actor: Actor, target: string | null): void {
  if (actor.scope.kind === 'all') return;
  const self = actor.scope.kind === 'reseller' ? actor.scope.resellerId : null;
  if (target !== null && target !== self) throw notFound('Reseller');
  throw new AppError('forbidden', 'Only the desk can move a customer to another reseller or out of a reseller’s book');
}
