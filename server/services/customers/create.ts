import { and, eq } from 'drizzle-orm';
import { isUniqueViolation } from '@/db/errors';
import { customers, users } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import type { CreateCustomerInput } from '@/server/schemas/customers';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { readBillingSettings } from '@/server/services/settings/read';
import { findCustomer, type CustomerView } from './store';

export async function createCustomer(ctx: ServiceContext, input: CreateCustomerInput): Promise<CustomerView> {
  requirePermission(ctx.actor, 'customers.create');
  const { scope } = ctx.actor;
  if (scope.kind === 'customer') throw new AppError('forbidden', 'A customer account cannot create customers');

  return ctx.db.transaction(async (tx) => {
    // A reseller always creates customers in their own book, whatever the input says.
    let resellerId = scope.kind === 'reseller' ? scope.resellerId : (input.resellerId ?? null);
    if (scope.kind === 'all' && resellerId) {
      const [reseller] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, resellerId), eq(users.role, 'reseller')));
      if (!reseller) throw new AppError('validation', 'Unknown reseller', { reseller_id: 'is not a reseller' });
      resellerId = reseller.id;
    }
    const currency = input.currency ?? (await readBillingSettings(tx)).currency;

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
          billingAddress: input.billingAddress ?? null,
          currency,
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
