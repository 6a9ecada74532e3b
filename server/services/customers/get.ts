import { requirePermission } from '@/server/auth/actor';
import { notFound } from '@/server/errors';
import { auditTrail, type AuditEntry } from '@/server/services/audit/trail';
import type { ServiceContext } from '@/server/services/context';
import { findCustomer, type CustomerView } from './store';

export async function getCustomer(ctx: ServiceContext, input: { id: string }): Promise<CustomerView> {
  // A client may always read its own account; everyone else needs the permission.
  if (ctx.actor.scope.kind !== 'customer') requirePermission(ctx.actor, 'customers.view');
  return findCustomer(ctx.db, ctx.actor.scope, input.id);
}

/** The customer account a client user signs in for. */
export async function getOwnAccount(ctx: ServiceContext): Promise<CustomerView> {
  const { scope } = ctx.actor;
  if (scope.kind !== 'customer') throw notFound('Customer account');
  return findCustomer(ctx.db, scope, scope.customerId);
}

/** A customer's audit log: edits, credit adjustments and notes. */
export async function getCustomerHistory(ctx: ServiceContext, input: { id: string }): Promise<AuditEntry[]> {
  requirePermission(ctx.actor, 'customers.view');
  const customer = await findCustomer(ctx.db, ctx.actor.scope, input.id);
  return auditTrail(ctx, { type: 'customer', id: customer.id });
}
