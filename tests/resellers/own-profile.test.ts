import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { resellers } from '@/db/schema';
import { apiKeyActor, type Actor } from '@/server/auth/actor';
import { ownResellerProfile } from '@/server/services/resellers/own-profile';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const now = new Date('2027-03-10T12:00:00Z');
const ctx = (actor: Actor) => ctxOf(db(), actor, now);

describe("a reseller's own profile", () => {
  it('is its commission, flags and whether it may create sub-resellers, for its session and its keys', async () => {
    const reseller = await givenUser(db(), 'reseller', { permissions: ['invoices.view', 'invoices.create'] });
    await db().update(resellers).set({ commissionMilli: 12_500n, mayCreateSubResellers: true }).where(eq(resellers.userId, reseller.id));
    const profile = await ownResellerProfile(ctx(reseller.actor));
    expect(profile).toMatchObject({
      id: reseller.id,
      commissionMilli: 12_500n,
      permissions: ['invoices.view', 'invoices.create'],
      mayCreateSubResellers: true,
      parentId: null,
      active: true,
    });
    const key = apiKeyActor({ id: 'k', name: 'its key', role: 'reseller', permissions: [], resellerId: reseller.id });
    expect((await ownResellerProfile(ctx(key))).id).toBe(reseller.id);
  });

  it('is refused to anyone who is not a reseller', async () => {
    const customer = await givenCustomer(db());
    const people = [await givenUser(db(), 'admin'), await givenUser(db(), 'staff'), await givenUser(db(), 'client', { customerId: customer.id })];
    for (const { actor } of people) await expect(ownResellerProfile(ctx(actor))).rejects.toMatchObject({ code: 'forbidden' });
  });
});
