import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customers } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import type { Actor } from '@/server/auth/actor';
import { createCustomerRoute, listCustomersRoute } from '@/server/rest/routes/customers';
import { withTestDatabase } from '../support/database';
import { givenApiKey, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

// Found by the hostile-input suite: a NUL or a lone surrogate reached PostgreSQL and came back as a 500.
const { db } = withTestDatabase();
let key: string;
let admin: Actor;

beforeAll(async () => {
  key = await givenApiKey(db(), 'admin');
  admin = (await givenUser(db(), 'admin')).actor;
});

describe('text PostgreSQL cannot store', () => {
  it('REST answers 400 naming the field, and stores nothing', async () => {
    const created = await createCustomerRoute.handler(
      apiRequest('/api/v1/customers', { method: 'POST', defaultKey: key, body: { name: 'Nul\u0000Co', email: 'nul@co.test' } }),
      params(),
    );
    expect(created.status).toBe(400);
    expect((await created.json()).error.fields).toEqual({ name: expect.any(String) });
    expect(await db().select().from(customers).where(eq(customers.email, 'nul@co.test'))).toHaveLength(0);

    const listed = await listCustomersRoute.handler(apiRequest('/api/v1/customers?q=%00', { defaultKey: key }), params());
    expect(listed.status).toBe(400);
  });

  it('tRPC answers BAD_REQUEST to a lone surrogate bound for a jsonb setting', async () => {
    const trpc = createCaller({ db: db(), actor: admin, origin: 'http://localhost' });
    const error = await trpc.settings.updateCompany({ name: 'Desk', tax_id: '\uD800', logo: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', cause: { fields: { tax_id: expect.any(String) } } });
  });
});
