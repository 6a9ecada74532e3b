import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { anonymousActor } from '@/server/auth/actor';
import { actorForUser } from '@/server/auth/request-actor';
import { signIn } from '@/server/services/account/sign-in';
import { listAudit } from '@/server/services/audit/list';
import { createStaff, setStaffPermissions } from '@/server/services/people/staff';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();

describe('staff management', () => {
  it('creates staff who sign in with their password and hold exactly their permissions, changed at once', async () => {
    const admin = await givenUser(db(), 'admin');
    const member = await createStaff(ctxOf(db(), admin.actor), {
      name: 'Cleo',
      email: 'cleo@example.test',
      password: 'a-long-enough-password',
      permissions: ['customers.view'],
    });
    const visitor = ctxOf(db(), anonymousActor('192.0.2.1'));
    await expect(signIn(visitor, { email: 'cleo@example.test', password: 'wrong-password' })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await signIn(visitor, { email: 'cleo@example.test', password: 'a-long-enough-password' })).toMatchObject({ id: member.id, role: 'staff' });
    expect([...(await actorForUser(db(), member.id))!.permissions]).toEqual(['customers.view']);

    await setStaffPermissions(ctxOf(db(), admin.actor), { id: member.id, permissions: ['customers.view', 'invoices.view'] });
    expect([...(await actorForUser(db(), member.id))!.permissions].sort()).toEqual(['customers.view', 'invoices.view']);

    const [created] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, member.id), eq(auditLog.action, 'staff.created')));
    expect(JSON.stringify(created!.after)).not.toContain('scrypt');
    const page = await listAudit(ctxOf(db(), admin.actor), { action: 'staff.', limit: 10 });
    expect(page.items.map((e) => e.action)).toEqual(['staff.permissions_changed', 'staff.created']);
  });

  it('refuses a second account with the same e-mail, and staff managing staff', async () => {
    const admin = await givenUser(db(), 'admin');
    const staff = await givenUser(db(), 'staff', { permissions: ['customers.view'] });
    await createStaff(ctxOf(db(), admin.actor), { name: 'A', email: 'dup@example.test', password: 'a-long-enough-password', permissions: [] });
    await expect(
      createStaff(ctxOf(db(), admin.actor), { name: 'B', email: 'DUP@example.test', password: 'a-long-enough-password', permissions: [] }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      createStaff(ctxOf(db(), staff.actor), { name: 'C', email: 'c@example.test', password: 'a-long-enough-password', permissions: [] }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
