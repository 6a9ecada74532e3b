import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as listCustomers } from '@/app/api/v1/customers/route';
import { auditLog } from '@/db/schema';
import { anonymousActor } from '@/server/auth/actor';
import { actorForUser } from '@/server/auth/request-actor';
import { signIn } from '@/server/services/account/sign-in';
import { createApiKey } from '@/server/services/people/api-keys';
import { setUserDisabled } from '@/server/services/people/staff';
import { givenMember } from '../auth/support';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
const now = new Date('2027-01-31T10:00:00Z');

describe('disabling a user', () => {
  it('stops their sessions, their sign-in and the API keys that act for them at once, and undoes it', async () => {
    const admin = await givenUser(db(), 'admin');
    const reseller = await givenMember(db(), 'reseller', 'reseller password');
    const resellerKey = await createApiKey(ctxOf(db(), admin.actor, now), { name: 'shop', role: 'reseller', resellerId: reseller.id });
    const keyOfAdmin = await givenUser(db(), 'admin');
    const madeByThem = await createApiKey(ctxOf(db(), keyOfAdmin.actor, now), { name: 'their script', role: 'admin' });
    const call = (key: string) => listCustomers(apiRequest('/api/v1/customers', { key }), params());
    expect((await call(resellerKey.key)).status).toBe(200);

    await setUserDisabled(ctxOf(db(), admin.actor, now), { id: reseller.id, disabled: true });
    await setUserDisabled(ctxOf(db(), admin.actor, now), { id: keyOfAdmin.id, disabled: true });
    expect(await actorForUser(db(), reseller.id)).toBeNull();
    expect((await call(resellerKey.key)).status).toBe(401);
    expect((await call(madeByThem.key)).status).toBe(401);
    await expect(signIn(ctxOf(db(), anonymousActor('192.0.2.5'), now), { email: reseller.email, password: 'reseller password' })).rejects.toMatchObject({
      code: 'unauthorized',
      message: 'That e-mail and password do not match an account.',
    });

    await setUserDisabled(ctxOf(db(), admin.actor, now), { id: reseller.id, disabled: false });
    expect((await call(resellerKey.key)).status).toBe(200);
    expect(await signIn(ctxOf(db(), anonymousActor('192.0.2.5'), now), { email: reseller.email, password: 'reseller password' })).toMatchObject({
      id: reseller.id,
    });
    const actions = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, reseller.id));
    expect(actions.map((a) => a.action).sort()).toEqual(['user.disabled', 'user.enabled']);
  });

  it('is for admins only, and never of oneself', async () => {
    const admin = await givenUser(db(), 'admin');
    const staff = await givenUser(db(), 'staff', { permissions: ['customers.view'] });
    await expect(setUserDisabled(ctxOf(db(), admin.actor, now), { id: admin.id, disabled: true })).rejects.toMatchObject({ code: 'invalid_state' });
    await expect(setUserDisabled(ctxOf(db(), staff.actor, now), { id: admin.id, disabled: true })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
