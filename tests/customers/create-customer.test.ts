import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, customers, users } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import { camelized } from '@/server/schemas/common';
import { createCustomerInput } from '@/server/schemas/customers';
import { createCustomer } from '@/server/services/customers/create';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();

describe('create customer', () => {
  it('stores the customer and its audit row, with the default currency from settings', async () => {
    const admin = await givenUser(db(), 'admin');
    const customer = await createCustomer(
      ctxOf(db(), admin.actor),
      camelized(createCustomerInput).parse({
        name: ' Ada Lovelace ',
        email: 'ADA@Example.test',
        billing_address: { line1: '1 Way', city: 'London', country: 'gb' },
      }),
    );
    expect(customer).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.test', currency: 'USD', creditBalance: 0n });
    expect(customer.billingAddress).toMatchObject({ country: 'GB', city: 'London' });

    const entries = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'customer'), eq(auditLog.entityId, customer.id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'customer.created', actorType: 'user', actorId: admin.id, ip: '127.0.0.1' });
    expect(entries[0]!.after).toMatchObject({ email: 'ada@example.test', creditBalance: '0' });
  });

  it('refuses a second customer with the same e-mail in any case, and changes nothing', async () => {
    await givenCustomer(db(), { email: 'dup@example.test' });
    const attempt = createCustomer(ctxOf(db(), systemActor()), { name: 'Other', email: 'DUP@example.test' });
    await expect(attempt).rejects.toMatchObject({ code: 'conflict', fields: { email: 'is already used by another customer' } });
    const rows = await db().select().from(customers).where(eq(customers.name, 'Other'));
    expect(rows).toHaveLength(0);
  });

  it('lets exactly one of ten concurrent creates with one e-mail win, with one audit row', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => createCustomer(ctxOf(db(), systemActor()), { name: `Racer ${i}`, email: 'race@example.test' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.every((r) => r.reason instanceof AppError && r.reason.code === 'conflict')).toBe(true);
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'customer.created'));
    expect(audits.filter((a) => (a.after as { email?: string }).email === 'race@example.test')).toHaveLength(1);
  });

  it('puts a reseller’s customer in the reseller’s own book, and refuses naming another reseller’s as not found', async () => {
    const reseller = await givenUser(db(), 'reseller');
    const other = await givenUser(db(), 'reseller');
    const customer = await createCustomer(ctxOf(db(), reseller.actor), { name: 'Resold', email: 'resold@example.test' });
    expect(customer.resellerId).toBe(reseller.id);
    await expect(
      createCustomer(ctxOf(db(), reseller.actor), { name: 'Elsewhere', email: 'elsewhere@example.test', resellerId: other.id }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await db().select().from(customers).where(eq(customers.email, 'elsewhere@example.test'))).toEqual([]);
  });

  it('refuses to place a new customer with a disabled reseller', async () => {
    const reseller = await givenUser(db(), 'reseller');
    await db().update(users).set({ disabled: true }).where(eq(users.id, reseller.id));
    await expect(createCustomer(ctxOf(db(), systemActor()), { name: 'Late', email: 'late@example.test', resellerId: reseller.id })).rejects.toMatchObject({
      code: 'validation',
      fields: { reseller_id: 'is a disabled reseller; enable it first' },
    });
  });

  it('rejects a reseller_id that is not a reseller', async () => {
    const staff = await givenUser(db(), 'staff', { permissions: ['customers.create'] });
    await expect(createCustomer(ctxOf(db(), staff.actor), { name: 'X', email: 'x@example.test', resellerId: staff.id })).rejects.toMatchObject({
      code: 'validation',
      fields: { reseller_id: 'is not a reseller' },
    });
  });

  it('forbids clients and staff without the permission', async () => {
    const owner = await givenCustomer(db());
    const client = await givenUser(db(), 'client', { customerId: owner.id });
    const staff = await givenUser(db(), 'staff', { permissions: ['customers.view'] });
    for (const actor of [client.actor, staff.actor]) {
      await expect(createCustomer(ctxOf(db(), actor), { name: 'No', email: 'no@example.test' })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
  });
});
