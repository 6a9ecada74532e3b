import { describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import { defaultStaffPermissions } from '@/server/auth/permissions';
import { adjustCredit } from '@/server/services/credit/adjust';
import { creditBalance } from '@/server/services/credit/balance';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const now = new Date('2027-01-31T10:00:00Z');

describe('credit adjustments', () => {
  it('lets no reseller or default staff member grant credit out of nothing; debits stay theirs', async () => {
    const reseller = await givenUser(db(), 'reseller');
    const own = await givenCustomer(db(), { reseller_id: reseller.id });
    const clerk = await givenUser(db(), 'staff', { permissions: [...defaultStaffPermissions] });
    const admin = await givenUser(db(), 'admin');

    for (const actor of [reseller.actor, clerk.actor]) {
      await expect(adjustCredit(ctxOf(db(), actor, now), { customerId: own.id, amount: 1000n, reason: 'goodwill' })).rejects.toMatchObject({
        code: 'forbidden',
      });
      const trpc = createCaller({ db: db(), actor, origin: 'http://localhost' });
      await expect(
        trpc.customers.adjustCredit({ customerId: own.id, amount: 1000, reason: 'goodwill', idempotencyKey: 'credit-grant-test-0001' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await creditBalance(db(), own.id, own.currency)).toBe(0n);

    await adjustCredit(ctxOf(db(), admin.actor, now), { customerId: own.id, amount: 1000n, reason: 'goodwill' });
    // Taking credit away creates nothing: the reseller may correct its own customer's balance.
    const debit = await adjustCredit(ctxOf(db(), reseller.actor, now), { customerId: own.id, amount: -400n, reason: 'paid out in cash' });
    expect(debit.balance).toBe(600n);
  });

  it('can be granted to a staff member as credit.grant', async () => {
    const granted = await givenUser(db(), 'staff', { permissions: ['customers.edit', 'credit.grant'] });
    const customer = await givenCustomer(db());
    const entry = await adjustCredit(ctxOf(db(), granted.actor, now), { customerId: customer.id, amount: 250n, reason: 'service outage' });
    expect(entry.balance).toBe(250n);
  });
});
