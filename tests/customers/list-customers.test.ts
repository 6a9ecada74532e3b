import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@/server/auth/actor';
import { getCustomer, getOwnAccount } from '@/server/services/customers/get';
import { listCustomers } from '@/server/services/customers/list';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
let resellerA: Awaited<ReturnType<typeof givenUser>>;
let resellerB: Awaited<ReturnType<typeof givenUser>>;

beforeAll(async () => {
  resellerA = await givenUser(db(), 'reseller');
  resellerB = await givenUser(db(), 'reseller');
  // 45 customers; the last five share one timestamp, so the cursor's id tiebreak matters.
  const base = Date.UTC(2026, 0, 1);
  for (let i = 0; i < 45; i++) {
    await givenCustomer(
      db(),
      {
        name: i % 3 === 0 ? `Hosting Partner ${i}` : `Shop ${i}`,
        email: `list-${i}@example.test`,
        reseller_id: i < 4 ? resellerA.id : i < 6 ? resellerB.id : undefined,
      },
      { now: new Date(base + Math.min(i, 40) * 1000) },
    );
  }
});

describe('list customers', () => {
  it('pages newest first through every customer exactly once', async () => {
    const seen: string[] = [];
    const times: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listCustomers(ctxOf(db(), systemActor()), { limit: 7, cursor });
      seen.push(...page.items.map((c) => c.id));
      times.push(...page.items.map((c) => c.createdAt.getTime()));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(7);
    expect(new Set(seen).size).toBe(45);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('searches name and e-mail case-insensitively', async () => {
    const byName = await listCustomers(ctxOf(db(), systemActor()), { limit: 50, q: 'hosting PARTNER' });
    expect(byName.items).toHaveLength(15);
    expect(byName.items.every((c) => c.name.startsWith('Hosting Partner'))).toBe(true);
    const byEmail = await listCustomers(ctxOf(db(), systemActor()), { limit: 50, q: 'LIST-44@' });
    expect(byEmail.items.map((c) => c.email)).toEqual(['list-44@example.test']);
  });

  it('treats % and _ in a search as plain characters', async () => {
    const page = await listCustomers(ctxOf(db(), systemActor()), { limit: 50, q: '%' });
    expect(page.items).toHaveLength(0);
  });

  it('shows a reseller only their own customers and hides the others as not found', async () => {
    const page = await listCustomers(ctxOf(db(), resellerA.actor), { limit: 50 });
    expect(page.items).toHaveLength(4);
    expect(page.items.every((c) => c.resellerId === resellerA.id)).toBe(true);
    const [foreign] = (await listCustomers(ctxOf(db(), resellerB.actor), { limit: 1 })).items;
    await expect(getCustomer(ctxOf(db(), resellerA.actor), { id: foreign!.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lets a client read only its own account', async () => {
    const [mine, theirs] = (await listCustomers(ctxOf(db(), systemActor()), { limit: 2 })).items;
    const client = await givenUser(db(), 'client', { customerId: mine!.id });
    expect((await getOwnAccount(ctxOf(db(), client.actor))).id).toBe(mine!.id);
    await expect(getCustomer(ctxOf(db(), client.actor), { id: theirs!.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(listCustomers(ctxOf(db(), client.actor), { limit: 5 })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('rejects a cursor it did not issue', async () => {
    await expect(listCustomers(ctxOf(db(), systemActor()), { limit: 5, cursor: 'garbage' })).rejects.toMatchObject({
      code: 'validation',
      fields: { cursor: expect.any(String) },
    });
  });
});
