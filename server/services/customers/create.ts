import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import { customers, resellers } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import type { CreateCustomerInput } from '@/server/schemas/customers';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { requireWithinTree } from '@/server/services/resellers/reach';
import { readBillingSettings } from '@/server/services/settings/read';
import { assignableReseller } from './assignable-reseller';
import { findCustomer, type CustomerView } from './store';

export async function createCustomer(ctx: ServiceContext, input: CreateCustomerInput): Promise<CustomerView> {
  requirePermission(ctx.actor, 'customers.create');
  const { scope } = ctx.actor;
  if (scope.kind === 'customer') throw new AppError('forbidden', 'A customer account cannot create customers');

  return ctx.db.transaction(async (tx) => {
    const resellerId =
      scope.kind === 'reseller'
        ? await ownBookOrBelow(tx, scope.resellerId, input.resellerId)
        : input.resellerId
          ? (await assignableReseller(tx, input.resellerId)).id
          : null;
    const currency = input.currency ?? (await resellerCurrency(tx, resellerId)) ?? (await readBillingSettings(tx)).currency;

    let id: string;
    try {
      // The unique index, not a prior lookup, decides: two racing creates cannot both pass.
      const [row] = await tx
        .insert(customers)
        .values({
          name: input.name,
          email: input.email,
          company: input.company ?? null,
          phone: input.phone ?? null,
          taxId: input.taxId ?? null,
          taxExempt: input.taxExempt ?? false,
          taxRateOverride: input.taxRateOverride ?? null,
          billingAddress: input.billingAddress ?? null,
          currency,
          locale: input.locale ?? null,
          resellerId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: customers.id });
      id = row!.id;
    } catch (error) {
      if (isUniqueViolation(error, 'customers_email_lower_uq')) {
        throw new AppError('conflict', 'A customer with this e-mail already exists', {
          email: 'is already used by another customer',
        });
      }
      throw error;
    }
    const customer = await findCustomer(tx, { kind: 'all' }, id);
    await audit(tx, ctx.actor, 'customer.created', { type: 'customer', id }, { after: customer });
    return customer;
  });
}

/** A reseller creates customers in its own book, or a sub-reseller's it names; any other reseller does not exist for it. */
async function ownBookOrBelow(tx: Database, self: string, named: string | undefined): Promise<string> {
  if (named) await requireWithinTree(tx, self, named);
  return named ?? self;
}

/** The currency a reseller's new customers are billed in unless one is given. */
async function resellerCurrency(tx: Database, resellerId: string | null): Promise<string | null> {
  if (!resellerId) return null;
  const [profile] = await tx.select({ currency: resellers.currency }).from(resellers).where(eq(resellers.userId, resellerId));
  return profile?.currency ?? null;
}
