import { beforeAll, describe, expect, it } from 'vitest';
import { billingRunRoute } from '@/server/rest/routes/orders';
import { withTestDatabase } from '../support/database';
import { givenApiKey } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

// Found by the hostile-input suite: dates PostgreSQL cannot hold reached it and came back as a 500.
const { db } = withTestDatabase();
let key: string;

beforeAll(async () => {
  key = await givenApiKey(db(), 'admin');
});

describe('dates outside what the database holds', () => {
  it('a billing run for the year 0000 is a 400 on its date', async () => {
    const response = await billingRunRoute.handler(apiRequest('/api/v1/billing-runs', { method: 'POST', defaultKey: key, body: { date: '0000-01-01' } }), params());
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual({ date: expect.any(String) });
  });
});
