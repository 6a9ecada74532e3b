import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Database } from '@/db';
import { recoveryCodes, users } from '@/db/schema';
import { verifyPassword } from '@/server/auth/password';
import { seal, unseal } from '@/server/auth/secret-box';
import { AppError } from '@/server/errors';
import { securitySettings } from '@/server/schemas/account';
import { companySettings } from '@/server/schemas/company';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { readSettingsBlock } from '@/server/services/settings/read';

const purpose = 'totp';
const recoveryCodeCount = 10;
// One step either side forgives a phone clock half a minute off, as authenticator apps expect.
const tolerance = 30;

/** Two-factor sign-in is offered to the console's people, who can move money and settings. */
export const twoFactorRoles = ['admin', 'staff'] as const;
const mayUseTwoFactor = (role: string) => (twoFactorRoles as readonly string[]).includes(role);

const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');
const normalizeCode = (code: string) => code.replace(/[\s-]+/g, '').toLowerCase();

async function signedInUser(ctx: ServiceContext) {
  if (ctx.actor.type !== 'user' || !ctx.actor.id) throw new AppError('forbidden', 'Only a person signed in has an account to secure');
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.id));
  if (!user) throw new AppError('unauthorized', 'Sign in first');
  return user;
}

/** Whether Settings → Security requires two-factor sign-in of admins and staff. */
export async function twoFactorRequired(db: Database): Promise<boolean> {
  return (await readSettingsBlock(db, 'security', securitySettings)).require_two_factor;
}

export type TwoFactorStatus = { available: boolean; enabled: boolean; required: boolean };

/** Where the signed-in person stands: may they enrol, have they, must they. */
export async function twoFactorStatus(ctx: ServiceContext): Promise<TwoFactorStatus> {
  const user = await signedInUser(ctx);
  const available = mayUseTwoFactor(user.role);
  return { available, enabled: user.totpEnabledAt !== null, required: available && (await twoFactorRequired(ctx.db)) };
}

/**
 * Starts enrolment: a fresh secret, kept sealed until a code confirms the person's app has it.
 * Starting again replaces an unconfirmed secret; an enabled one must be turned off first.
 */
export async function startTwoFactor(ctx: ServiceContext): Promise<{ secret: string; uri: string; qr: string }> {
  const user = await signedInUser(ctx);
  if (!mayUseTwoFactor(user.role)) throw new AppError('forbidden', 'Two-factor sign-in is for admins and staff');
  if (user.totpEnabledAt) throw new AppError('invalid_state', 'Two-factor sign-in is already on');
  const secret = generateSecret();
  await ctx.db
    .update(users)
    .set({ totpSecret: seal(secret, purpose), totpLastStep: null })
    .where(eq(users.id, user.id));
  const issuer = (await readSettingsBlock(ctx.db, 'company', companySettings)).name || 'Cashdesk';
  const uri = generateURI({ issuer, label: user.email, secret });
  return { secret, uri, qr: await QRCode.toDataURL(uri, { margin: 1, width: 224 }) };
}

/** The time step a code belongs to, when it is this user's current code and was not used yet. */
async function totpStep(secret: string, code: string, lastStep: number | null, now: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: tolerance,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  // The functional API types TOTP and HOTP results as one; only TOTP's carries the step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Ten single-use recovery codes ("a1b2c-3d4e5"); only their hashes are kept. */
function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const hex = randomBytes(5).toString('hex');
    return `${hex.slice(0, 5)}-${hex.slice(5)}`;
  });
}

/** Confirms enrolment with a code from the app; answers the recovery codes, shown this once. */
export async function confirmTwoFactor(ctx: ServiceContext, input: { code: string }): Promise<{ recoveryCodes: string[] }> {
  const user = await signedInUser(ctx);
  if (user.totpEnabledAt) throw new AppError('invalid_state', 'Two-factor sign-in is already on');
  if (!user.totpSecret) throw new AppError('invalid_state', 'Start the set-up first');
  const step = await totpStep(unseal(user.totpSecret, purpose), normalizeCode(input.code), null, ctx.now);
  if (step === null)
    throw new AppError('validation', 'Check the highlighted fields', { code: 'does not match; check the time on your device and try the next code' });
  const codes = newRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabledAt: ctx.now, totpLastStep: step }).where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId: user.id, codeHash: hashCode(normalizeCode(code)), createdAt: ctx.now })));
    await audit(tx, ctx.actor, 'user.two_factor_enabled', { type: 'user', id: user.id }, { after: { recoveryCodes: codes.length } });
  });
  return { recoveryCodes: codes };
}

/** Turns two-factor sign-in off with the password; not while Settings → Security requires it. */
export async function disableTwoFactor(ctx: ServiceContext, input: { password: string }): Promise<void> {
  const user = await signedInUser(ctx);
  if (!user.totpEnabledAt) throw new AppError('invalid_state', 'Two-factor sign-in is not on');
  if (await twoFactorRequired(ctx.db)) throw new AppError('invalid_state', 'Two-factor sign-in is required for this console (Settings → Security)');
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    throw new AppError('validation', 'Check the highlighted fields', { password: 'is not your current password' });
  }
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await audit(tx, ctx.actor, 'user.two_factor_disabled', { type: 'user', id: user.id }, {});
  });
}

/**
 * The second factor at sign-in: the app's current code (each one good once: the step is
 * recorded with a conditional update, so a replay or a racing twin fails) or an unused
 * recovery code, which is spent.
 */
export async function checkSecondFactor(
  db: Database,
  user: { id: string; totpSecret: string | null; totpLastStep: number | null },
  code: string,
  now: Date,
): Promise<boolean> {
  const given = normalizeCode(code);
  if (user.totpSecret) {
    const step = await totpStep(unseal(user.totpSecret, purpose), given, user.totpLastStep, now);
    if (step !== null) {
      const [taken] = await db
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
        .returning({ id: users.id });
      return taken !== undefined;
    }
  }
  const [spent] = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hashCode(given)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return spent !== undefined;
}

/** How many recovery codes the person has left. */
export async function recoveryCodesLeft(ctx: ServiceContext): Promise<number> {
  const user = await signedInUser(ctx);
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}
