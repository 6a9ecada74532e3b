import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as createRoute } from '@/app/api/v1/resellers/route';
import { auditLog, resellers } from '@/db/schema';
import { apiKeyActor, systemActor, type Actor } from '@/server/auth/actor';
import { createReseller } from '@/server/services/resellers/create';
import { getReseller } from '@/server/services/resellers/get';
import { listResellers } from '@/server/services/resellers/list';
import { updateReseller } from '@/server/services/resellers/update';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
const now = new Date('2027-03-10T12:00:00Z');
const ctx = (actor: Actor) => ctxOf(db(), actor, now);
let n = 0;
const newSub = (extra: Partial<Parameters<typeof createReseller>[1]> = {}) => ({
  name: `Sub ${++n}`,
  email: `sub-${n}@example.test`,
  password: 'a-long-password',
  commissionPercent: 5000n,
  origin: 'http://localhost',
  ...extra,
});

let parent: { id: string; actor: Actor };
let rival: { id: string; actor: Actor };

beforeAll(async () => {
  parent = await givenUser(db(), 'reseller', { permissions: ['invoices.view', 'invoices.create'] });
  await db().update(resellers).set({ commissionMilli: 10_000n, mayCreateSubResellers: true }).where(eq(resellers.userId, parent.id));
  rival = await givenUser(db(), 'reseller');
});

describe('sub-resellers made by a reseller', () => {
  it('sit below it, with the default flags it holds itself, audited under it', async () => {
    const sub = await createReseller(ctx(parent.actor), newSub());
    expect(sub).toMatchObject({ parentId: parent.id, commissionMilli: 5000n, permissions: ['invoices.view', 'invoices.create'] });
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.entityId, sub.id));
    expect(entry).toMatchObject({ action: 'reseller.created', actorId: parent.id });
    // At its own rate exactly is allowed.
    expect((await createReseller(ctx(parent.actor), newSub({ commissionPercent: 10_000n }))).commissionMilli).toBe(10_000n);
  });

  it('refuses a commission above its own, a flag it lacks, and a parent outside its tree — changing nothing', async () => {
    await expect(createReseller(ctx(parent.actor), newSub({ commissionPercent: 10_001n }))).rejects.toMatchObject({
      code: 'validation',
      fields: { commission_percent: 'must not be above your own 10 %' },
    });
    await expect(createReseller(ctx(parent.actor), newSub({ permissions: ['invoices.view', 'invoices.delete'] }))).rejects.toMatchObject({
      code: 'validation',
      fields: { permissions: 'cannot include invoices.delete, which you do not hold' },
    });
    await expect(createReseller(ctx(parent.actor), newSub({ parentId: rival.id }))).rejects.toMatchObject({ code: 'not_found' });
    const { items } = await listResellers(ctx(parent.actor), { limit: 100 });
    expect(items.map((r) => r.email)).not.toContain(`sub-${n}@example.test`);
  });

  it('are refused to a reseller the admin did not allow, and to a reseller key', async () => {
    await expect(createReseller(ctx(rival.actor), newSub())).rejects.toMatchObject({ code: 'forbidden' });
    const keyActor = apiKeyActor({ id: 'k', name: 'parent key', role: 'reseller', permissions: [], resellerId: parent.id });
    await expect(createReseller(ctx(keyActor), newSub())).rejects.toMatchObject({ code: 'forbidden' });
    const response = await createRoute(
      apiRequest('/api/v1/resellers', {
        method: 'POST',
        key: await givenApiKey(db(), 'reseller', parent.id),
        body: { name: 'Via API', email: 'via-api@example.test', commission_percent: '1' },
      }),
      params(),
    );
    expect(response.status).toBe(403);
  });

  it('are the only resellers it lists, reads and changes: any depth below, never itself or another tree', async () => {
    const child = await createReseller(ctx(parent.actor), newSub({ mayCreateSubResellers: true }));
    const { actor: childActor } = await givenUser(db(), 'reseller');
    const grandchild = await createReseller(ctx(parent.actor), newSub({ parentId: child.id }));
    expect(grandchild.parentId).toBe(child.id);

    const listed = (await listResellers(ctx(parent.actor), { limit: 100 })).items.map((r) => r.id);
    expect(listed).toEqual(expect.arrayContaining([child.id, grandchild.id]));
    expect(listed).not.toContain(parent.id);
    expect(listed).not.toContain(rival.id);
    const children = await listResellers(ctx(parent.actor), { limit: 100, parentId: child.id });
    expect(children.items.map((r) => r.id)).toEqual([grandchild.id]);
    expect((await listResellers(ctx(systemActor()), { limit: 100, parentId: parent.id })).items.map((r) => r.id)).toContain(child.id);
    expect((await getReseller(ctx(parent.actor), { id: grandchild.id })).id).toBe(grandchild.id);
    for (const id of [parent.id, rival.id]) await expect(getReseller(ctx(parent.actor), { id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateReseller(ctx(parent.actor), { id: parent.id, commissionPercent: 100_000n })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getReseller(ctx(childActor), { id: grandchild.id })).rejects.toMatchObject({ code: 'not_found' });

    const disabled = await updateReseller(ctx(parent.actor), { id: grandchild.id, active: false, commissionPercent: 2500n });
    expect(disabled).toMatchObject({ active: false, commissionMilli: 2500n });
    await expect(updateReseller(ctx(parent.actor), { id: grandchild.id, commissionPercent: 20_000n })).rejects.toMatchObject({ code: 'validation' });
    await expect(updateReseller(ctx(parent.actor), { id: grandchild.id, parentId: null })).rejects.toMatchObject({ code: 'validation' });
  });
});
