import { eq } from 'drizzle-orm';
import { customers, type BillingAddress } from '@/db/schema';
import { notFound } from '@/server/errors';
import type { UpdateOwnProfileInput } from '@/server/schemas/profile';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { findCustomer, type CustomerView } from './store';

/**
 * A client edits their own customer account: name, company, phone, tax id, billing address and
 * language, nothing else (see `updateOwnProfileInput`). Only the signed-in customer's own account
 * exists for this use case, whatever the caller sends; staff edit customers with `updateCustomer`.
 */
export async function updateOwnProfile(ctx: ServiceContext, input: UpdateOwnProfileInput): Promise<CustomerView> {
  const { scope } = ctx.actor;
  if (scope.kind !== 'customer') throw notFound('Customer account');
  return ctx.db.transaction(async (tx) => {
    const before = await findCustomer(tx, scope, scope.customerId);
    // Picked one by one: nothing the client did not mean to send (or may not change) gets through.
    const profile = {
      name: input.name,
      company: input.company ?? null,
      phone: input.phone ?? null,
      taxId: input.taxId ?? null,
      billingAddress: input.billingAddress ?? null,
      locale: input.locale === undefined ? before.locale : input.locale,
    };
    const unchanged =
      profile.name === before.name &&
      profile.company === before.company &&
      profile.phone === before.phone &&
      profile.taxId === before.taxId &&
      sameAddress(profile.billingAddress, before.billingAddress) &&
      profile.locale === before.locale;
    if (unchanged) return before;
    await tx
      .update(customers)
      .set({ ...profile, updatedAt: ctx.now })
      .where(eq(customers.id, before.id));
    const after = await findCustomer(tx, scope, before.id);
    await audit(tx, ctx.actor, 'customer.profile_updated', { type: 'customer', id: before.id }, { before: profileOf(before), after: profileOf(after) });
    return after;
  });
}

const addressKeys = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;
const sameAddress = (a: BillingAddress | null, b: BillingAddress | null) =>
  a === null || b === null ? a === b : addressKeys.every((key) => (a[key] ?? null) === (b[key] ?? null));

const profileOf = (c: CustomerView) => ({
  name: c.name,
  company: c.company,
  phone: c.phone,
  taxId: c.taxId,
  billingAddress: c.billingAddress,
  locale: c.locale,
});
