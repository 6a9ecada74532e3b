import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { emailOutbox, passwordResetTokens, users } from '@/db/schema';
import { changePassword } from '@/server/services/account/change-password';
import { consoleGate } from '@/server/services/account/console-gate';
import { requestPasswordReset, resetPassword } from '@/server/services/account/password-reset';
import { signIn } from '@/server/services/account/sign-in';
import { confirmTwoFactor, disableTwoFactor, startTwoFactor } from '@/server/services/account/two-factor';
import { updateSecuritySettings } from '@/server/services/settings/security';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenUser } from '../support/fixtures';
import { givenMember, visitorAt } from './support';

const { db } = withTestDatabase();
const now = new Date('2027-01-31T10:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const origin = 'https://desk.example.test';

describe('changing one’s password', () => {
  it('needs the current password, then only the new one signs in, for a client too', async () => {
    const customer = await givenCustomer(db());
    const client = await givenMember(db(), 'client', 'old password 123', { customerId: customer.id });
    await db().update(users).set({ demoPassword: true }).where(eq(users.id, client.id));
    const ctx = ctxOf(db(), client.actor, now);
    await expect(changePassword(ctx, { currentPassword: 'not it at all', newPassword: 'new password 456' })).rejects.toMatchObject({
      code: 'validation',
      fields: { current_password: 'is not your current password' },
    });
    await changePassword(ctx, { currentPassword: 'old password 123', newPassword: 'new password 456' });
    const visitor = visitorAt(db(), '192.0.2.40', now);
    await expect(signIn(visitor, { email: client.email, password: 'old password 123' })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await signIn(visitor, { email: client.email, password: 'new password 456' })).toMatchObject({ id: client.id, role: 'client' });
    const [row] = await db()
      .select({ demoPassword: users.demoPassword, sessionsValidAfter: users.sessionsValidAfter })
      .from(users)
      .where(eq(users.id, client.id));
    expect(row!.demoPassword).toBe(false);
    // Every session signed in before the change is over from now on (currentUser checks it).
    expect(row!.sessionsValidAfter).toEqual(now);
  });
});

describe('resetting a forgotten password', () => {
  const linkIn = async (to: string) => {
    const rows = await db().select().from(emailOutbox).where(eq(emailOutbox.to, to));
    return rows.map((r) => /reset-password\?token=([\w-]+)/.exec(r.text)?.[1]);
  };

  it('answers alike for unknown e-mails, and a link works once within 30 minutes', async () => {
    const staff = await givenMember(db(), 'staff', 'forgotten password');
    await expect(requestPasswordReset(visitorAt(db(), '192.0.2.41', now), { email: 'nobody@example.test', origin })).resolves.toBeUndefined();
    expect(await linkIn('nobody@example.test')).toEqual([]);

    await expect(requestPasswordReset(visitorAt(db(), '192.0.2.41', now), { email: staff.email.toUpperCase(), origin })).resolves.toBeUndefined();
    const [token] = await linkIn(staff.email);
    expect(token).toBeTruthy();
    // Only a hash is stored.
    const stored = await db().select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, staff.id));
    expect(JSON.stringify(stored)).not.toContain(token);

    const visitor = visitorAt(db(), '192.0.2.41', later(29));
    expect(await resetPassword(visitor, { token: token!, newPassword: 'brand new password' })).toEqual({ email: staff.email });
    await expect(resetPassword(visitor, { token: token!, newPassword: 'another new password' })).rejects.toMatchObject({ code: 'invalid_state' });
    expect(await signIn(visitor, { email: staff.email, password: 'brand new password' })).toMatchObject({ id: staff.id });
  });

  it('refuses a link after 30 minutes', async () => {
    const staff = await givenMember(db(), 'staff', 'forgotten password');
    await requestPasswordReset(visitorAt(db(), '192.0.2.42', now), { email: staff.email, origin });
    const [token] = await linkIn(staff.email);
    await expect(resetPassword(visitorAt(db(), '192.0.2.42', later(30)), { token: token!, newPassword: 'too late password' })).rejects.toMatchObject({
      code: 'invalid_state',
      message: 'This reset link has expired or was already used; ask for a new one',
    });
  });
});

describe('two-factor sign-in', () => {
  it('enrols with a code, then asks for one at sign-in; a wrong or replayed code is refused, a recovery code works once', async () => {
    const admin = await givenMember(db(), 'admin', 'admin password 1');
    const ctx = ctxOf(db(), admin.actor, now);
    const { secret, uri, qr } = await startTwoFactor(ctx);
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(qr).toMatch(/^data:image\/png;base64,/);
    const codeAt = (at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
    const wrong = (await codeAt(now)) === '000000' ? '111111' : '000000';
    await expect(confirmTwoFactor(ctx, { code: wrong })).rejects.toMatchObject({ code: 'validation' });
    const { recoveryCodes } = await confirmTwoFactor(ctx, { code: await codeAt(now) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    const at = (minutes: number) => visitorAt(db(), '192.0.2.50', later(minutes));
    const credentials = { email: admin.email, password: 'admin password 1' };
    await expect(signIn(at(1), credentials)).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/authenticator app/) });
    await expect(signIn(at(1), { ...credentials, code: wrong })).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(/code does not match/),
    });
    const code = await codeAt(later(1));
    expect(await signIn(at(1), { ...credentials, code })).toMatchObject({ id: admin.id });
    await expect(signIn(at(1), { ...credentials, code })).rejects.toMatchObject({ message: expect.stringMatching(/code does not match/) });
    // A wrong password with a right code is still a wrong password.
    await expect(signIn(at(2), { ...credentials, password: 'nope', code: await codeAt(later(2)) })).rejects.toMatchObject({
      message: 'That e-mail and password do not match an account.',
    });

    expect(await signIn(at(3), { ...credentials, code: recoveryCodes[0]!.toUpperCase() })).toMatchObject({ id: admin.id });
    await expect(signIn(at(3), { ...credentials, code: recoveryCodes[0]! })).rejects.toMatchObject({ message: expect.stringMatching(/code does not match/) });
  });

  it('is for admins and staff, and cannot be turned off while Settings → Security requires it', async () => {
    const reseller = await givenUser(db(), 'reseller');
    await expect(startTwoFactor(ctxOf(db(), reseller.actor, now))).rejects.toMatchObject({ code: 'forbidden' });

    const staff = await givenMember(db(), 'staff', 'staff password 1', { permissions: ['customers.view'] });
    const ctx = ctxOf(db(), staff.actor, now);
    const { secret } = await startTwoFactor(ctx);
    await confirmTwoFactor(ctx, { code: await generate({ secret, epoch: Math.floor(now.getTime() / 1000) }) });
    const admin = await givenUser(db(), 'admin');
    await updateSecuritySettings(ctxOf(db(), admin.actor, now), { require_two_factor: true });
    await expect(disableTwoFactor(ctx, { password: 'staff password 1' })).rejects.toMatchObject({ code: 'invalid_state' });
    await updateSecuritySettings(ctxOf(db(), admin.actor, now), { require_two_factor: false });
    await disableTwoFactor(ctx, { password: 'staff password 1' });
    expect(await signIn(visitorAt(db(), '192.0.2.51', now), { email: staff.email, password: 'staff password 1' })).toMatchObject({ id: staff.id });
    const [row] = await db()
      .select()
      .from(users)
      .where(and(eq(users.id, staff.id)));
    expect(row!.totpSecret).toBeNull();
  });
});

describe('the console gate', () => {
  it('sends admins and staff without two-factor to enrol when it is required, and flags demo passwords', async () => {
    const admin = await givenUser(db(), 'admin');
    const staff = await givenUser(db(), 'staff');
    expect(await consoleGate(ctxOf(db(), staff.actor, now))).toMatchObject({ enrolTwoFactor: false });
    await updateSecuritySettings(ctxOf(db(), admin.actor, now), { require_two_factor: true });
    expect(await consoleGate(ctxOf(db(), staff.actor, now))).toMatchObject({ enrolTwoFactor: true });
    expect(await consoleGate(ctxOf(db(), admin.actor, now))).toMatchObject({ enrolTwoFactor: true });
    await updateSecuritySettings(ctxOf(db(), admin.actor, now), { require_two_factor: false });

    await db().update(users).set({ demoPassword: false });
    expect(await consoleGate(ctxOf(db(), admin.actor, now))).toMatchObject({ demoPasswords: false });
    await db().update(users).set({ demoPassword: true }).where(eq(users.id, staff.id));
    expect(await consoleGate(ctxOf(db(), admin.actor, now))).toMatchObject({ demoPasswords: true });
  });
});
