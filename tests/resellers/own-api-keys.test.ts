import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiKeys, auditLog } from '@/db/schema';
import { authenticateApiKey } from '@/server/services/people/api-keys';
import { issueResellerApiKey } from '@/server/services/resellers/issue-api-key';
import { listResellerApiKeys } from '@/server/services/resellers/list-api-keys';
import { revokeResellerApiKey } from '@/server/services/resellers/revoke-api-key';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const now = testNow;

describe('a reseller manages its own API keys from its console', () => {
  it('issues a key shown once, lists it by prefix, and revokes it; the key then stops', async () => {
    const reseller = await givenUser(db(), 'reseller');
    const ctx = ctxOf(db(), reseller.actor, now);
    const issued = await issueResellerApiKey(ctx, { id: reseller.id, name: 'Billing bot' });
    expect(issued.key).toMatch(/^cd_/);
    expect(await authenticateApiKey(db(), issued.key)).toMatchObject({ role: 'reseller', scope: { kind: 'reseller', resellerId: reseller.id } });

    const listed = await listResellerApiKeys(ctx, { id: reseller.id });
    expect(listed).toEqual([
      expect.objectContaining({ id: issued.id, name: 'Billing bot', prefix: issued.key.slice(0, 8), role: 'reseller', revokedAt: null }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(issued.key);

    await revokeResellerApiKey(ctx, { id: reseller.id, keyId: issued.id });
    expect(await authenticateApiKey(db(), issued.key)).toBeNull();
    const actions = await db().select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog).where(eq(auditLog.entityId, issued.id));
    expect(actions.map((a) => a.action).sort()).toEqual(['api_key.created', 'api_key.revoked']);
    expect(actions.every((a) => a.actorId === reseller.id)).toBe(true);
  });

  it("finds no other reseller's keys: listing, issuing and revoking under it are not found", async () => {
    const mine = await givenUser(db(), 'reseller');
    const rival = await givenUser(db(), 'reseller');
    const rivalKey = await issueResellerApiKey(ctxOf(db(), rival.actor, now), { id: rival.id, name: 'Rival' });
    const ctx = ctxOf(db(), mine.actor, now);
    await expect(listResellerApiKeys(ctx, { id: rival.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(issueResellerApiKey(ctx, { id: rival.id, name: 'Sneaky' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(revokeResellerApiKey(ctx, { id: rival.id, keyId: rivalKey.id })).rejects.toMatchObject({ code: 'not_found' });
    // Its own reseller id with the rival's key id: the key is not found under it either.
    await expect(revokeResellerApiKey(ctx, { id: mine.id, keyId: rivalKey.id })).rejects.toMatchObject({ code: 'not_found' });
    const [row] = await db().select({ revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.id, rivalKey.id));
    expect(row!.revokedAt).toBeNull();
  });

  it('a reseller key cannot make keys, and staff without settings.manage may not manage them', async () => {
    const reseller = await givenUser(db(), 'reseller');
    const issued = await issueResellerApiKey(ctxOf(db(), reseller.actor, now), { id: reseller.id, name: 'Robot' });
    const keyActor = (await authenticateApiKey(db(), issued.key))!;
    await expect(issueResellerApiKey(ctxOf(db(), keyActor, now), { id: reseller.id, name: 'Child' })).rejects.toMatchObject({ code: 'forbidden' });
    const staff = await givenUser(db(), 'staff', { permissions: ['customers.view'] });
    await expect(listResellerApiKeys(ctxOf(db(), staff.actor, now), { id: reseller.id })).rejects.toMatchObject({ code: 'forbidden' });
    const manager = await givenUser(db(), 'staff', { permissions: ['settings.manage'] });
    expect(await listResellerApiKeys(ctxOf(db(), manager.actor, now), { id: reseller.id })).toHaveLength(1);
  });
});
