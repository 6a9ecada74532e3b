import { beforeAll, describe, expect, it } from 'vitest';
import { billingRunRoute } from '@/server/rest/routes/billing-runs';
import { createCouponRoute } from '@/server/rest/routes/catalog';
import { recordPaymentRoute } from '@/server/rest/routes/invoices';
import { withTestDatabase } from '../support/database';
import { givenApiKey, givenInvoice } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

// Found by the hostile-input suite: dates PostgreSQL cannot hold reached it and came back as a 500.
const { db } = withTestDatabase();
let key: string;

beforeAll(async () => {
  key = await givenApiKey(db(), 'admin');
});

describe('dates outside what the database holds', () => {
  it('a billing run for the year 0000 is a 400 on its date', async () => {
    const response = await billingRunRoute.handler(
      apiRequest('/api/v1/billing-runs', { method: 'POST', defaultKey: key, body: { date: '0000-01-01' } }),
      params(),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual({ date: expect.any(String) });
  });

  it.each([
    ['0000-01-01T00:00:00Z', 'answered 500'],
    ['0001-06-01T00:00:00Z', 'was stored, and read back as 2001'],
  ])('a payment dated %s (it %s) is a 400 on paid_at', async (paidAt) => {
    const invoice = await givenInvoice(db(), { total: 1000n });
    const response = await recordPaymentRoute.handler(
      apiRequest(`/api/v1/invoices/${invoice.id}/payments`, { method: 'POST', defaultKey: key, body: { amount: 100, method: 'cash', paid_at: paidAt } }),
      params({ id: invoice.id }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual({ paid_at: expect.any(String) });
  });

  it.each(['0000-01-01T00:00:00Z', '9999-12-31T23:00:00-05:00'])('a coupon expiring at %s (a 500 each) is a 400 on expires_at', async (expiresAt) => {
    const response = await createCouponRoute.handler(
      apiRequest('/api/v1/coupons', {
        method: 'POST',
        defaultKey: key,
        body: { code: `EDGE${expiresAt.slice(0, 4)}`, type: 'percent', value: 10, duration: 'once', expires_at: expiresAt },
      }),
      params(),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual({ expires_at: expect.any(String) });
  });
});
