import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { settings } from '@/db/schema';
import { systemActor, userActor } from '@/server/auth/actor';
import { reportCurrencies } from '@/server/services/reports/currencies';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer } from '../support/fixtures';

const { db } = withTestDatabase();
const now = new Date('2027-07-01T08:00:00Z');

describe('reportCurrencies: the report pages’ currency switch', () => {
  it('offers the desk’s default currency and every customer’s, once each, in order', async () => {
    expect(await reportCurrencies(ctxOf(db(), systemActor(), now))).toEqual(['USD']);
    await givenCustomer(db(), { currency: 'JPY' });
    await givenCustomer(db(), { currency: 'EUR' });
    await givenCustomer(db(), { currency: 'EUR' });
    await db()
      .insert(settings)
      .values({ key: 'billing', value: { currency: 'GBP' } })
      .onConflictDoUpdate({ target: settings.key, set: { value: { currency: 'GBP' } } });
    expect(await reportCurrencies(ctxOf(db(), systemActor(), now))).toEqual(['EUR', 'GBP', 'JPY']);
  });

  it('is the desk’s with reports.view: staff without it and resellers are refused', async () => {
    const staff = userActor({ id: randomUUID(), email: 'staff@example.test', role: 'staff', permissions: ['invoices.view'], customerId: null });
    const reseller = userActor({ id: randomUUID(), email: 'reseller@example.test', role: 'reseller', permissions: ['reports.view'], customerId: null });
    await expect(reportCurrencies(ctxOf(db(), staff, now))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(reportCurrencies(ctxOf(db(), reseller, now))).rejects.toMatchObject({ code: 'forbidden' });
  });
});
