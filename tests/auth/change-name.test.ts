import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, users } from '@/db/schema';
import { apiKeyActor } from '@/server/auth/actor';
import { changeNameInput } from '@/server/schemas/account';
import { changeName } from '@/server/services/account/change-name';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();

describe('a signed-in person changes their own name', () => {
  it('renames a reseller, audited with the old and new name; the same name again writes nothing', async () => {
    const reseller = await givenUser(db(), 'reseller');
    const [{ name: before }] = (await db().select({ name: users.name }).from(users).where(eq(users.id, reseller.id))) as [{ name: string }];
    const ctx = ctxOf(db(), reseller.actor, testNow);
    expect(await changeName(ctx, changeNameInput.parse({ name: '  Rita Reseller  ' }))).toEqual({ name: 'Rita Reseller' });
    await changeName(ctx, { name: 'Rita Reseller' });
    const [row] = await db().select({ name: users.name }).from(users).where(eq(users.id, reseller.id));
    expect(row!.name).toBe('Rita Reseller');
    const trail = await db().select().from(auditLog).where(eq(auditLog.entityId, reseller.id));
    expect(trail.filter((e) => e.action === 'user.renamed')).toEqual([
      expect.objectContaining({ actorId: reseller.id, before: { name: before }, after: { name: 'Rita Reseller' } }),
    ]);
  });

  it('refuses an empty name and anyone who is not a person signed in', async () => {
    expect(changeNameInput.safeParse({ name: '   ' }).success).toBe(false);
    const key = apiKeyActor({ id: '00000000-0000-4000-8000-000000000001', name: 'robot', role: 'reseller', permissions: [], resellerId: null });
    await expect(changeName(ctxOf(db(), key, testNow), { name: 'Robot' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
