import { requirePermission } from '../auth/actor';
import { notFound } from '../errors';
import type { ServiceContext } from './context';
import { type CustomerView, findCustomer } from './customer-view';

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
