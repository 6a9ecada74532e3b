import { eq } from 'drizzle-orm';
import { isUniqueViolation } from '@/db/errors';
import { customers } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import type { UpdateCustomerInput } from '@/server/schemas/customers';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { findCustomer, type CustomerView } from './store';

export async function updateCustomer(ctx: ServiceContext, input: UpdateCustomerInput & { id: string }): Promise<CustomerView> {
  requirePermission(ctx.actor, 'customers.edit');
  return ctx.db.transaction(async (tx) => {
    const before = await findCustomer(tx, ctx.actor.scope, input.id);
    const changes: Partial<typeof customers.$inferInsert> = { updatedAt: ctx.now };
    if (input.name !== undefined) changes.name = input.name;
    if (input.email !== undefined) changes.email = input.email;
    if (input.company !== undefined) changes.company = input.company;
    if (input.phone !== undefined) changes.phone = input.phone;
    if (input.taxId !== undefined) changes.taxId = input.taxId;
    if (input.currency !== undefined) changes.currency = input.currency;
    if (input.billingAddress !== undefined) changes.billingAddress = input.billingAddress;
    try {
      await tx.update(customers).set(changes).where(eq(customers.id, before.id));
    } catch (error) {
      if (isUniqueViolation(error, 'customers_email_lower_uq')) {
        throw new AppError('conflict', 'A customer with this e-mail already exists', { email: 'is already used by another customer' });
      }
      throw error;
    }
    const after = await findCustomer(tx, { kind: 'all' }, before.id);
    await audit(tx, ctx.actor, 'customer.updated', { type: 'customer', id: before.id }, { before, after });
    return after;
  });
}
