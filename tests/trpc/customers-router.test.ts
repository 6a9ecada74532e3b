import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import { withTestDatabase } from '../support/database';
import { givenCustomer, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();

describe('tRPC customers router', () => {
  it('lets an admin create and then find the customer', async () => {
    const admin = await givenUser(db(), 'admin');
    const trpc = createCaller({ db: db(), actor: admin.actor, origin: 'http://localhost' });
    const created = await trpc.customers.create({ name: 'Console Co', email: 'console@co.test' });
    const page = await trpc.customers.list({ q: 'console@', limit: 10 });
    expect(page.items.map((c) => c.id)).toEqual([created.id]);
  });

  it('answers UNAUTHORIZED without a session and FORBIDDEN to a client', async () => {
    await expect(createCaller({ db: db(), actor: null, origin: 'http://localhost' }).customers.list({ limit: 5 })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const owner = await givenCustomer(db());
    const client = await givenUser(db(), 'client', { customerId: owner.id });
    const asClient = createCaller({ db: db(), actor: client.actor, origin: 'http://localhost' });
    await expect(asClient.customers.list({ limit: 5 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(asClient.customers.create({ name: 'x', email: 'x@co.test' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await asClient.customers.mine()).id).toBe(owner.id);
  });

  it('maps a service conflict to CONFLICT with the field message', async () => {
    const admin = await givenUser(db(), 'admin');
    await givenCustomer(db(), { email: 'dupe@co.test' });
    const error = await createCaller({ db: db(), actor: admin.actor, origin: 'http://localhost' })
      .customers.create({ name: 'Dupe', email: 'dupe@co.test' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: 'CONFLICT', cause: { fields: { email: 'is already used by another customer' } } });
  });

  it('rejects invalid input as BAD_REQUEST before any service runs', async () => {
    const admin = await givenUser(db(), 'admin');
    await expect(createCaller({ db: db(), actor: admin.actor, origin: 'http://localhost' }).customers.create({ name: '', email: 'bad' })).rejects.toMatchObject(
      { code: 'BAD_REQUEST' },
    );
  });
});
