import { createHash, randomBytes } from 'node:crypto';
import { render } from '@react-email/components';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { customers, passwordResetTokens, users } from '@/db/schema';
import { PasswordResetEmail } from '@/emails/password-reset';
import { hashPassword } from '@/server/auth/password';
import { AppError } from '@/server/errors';
import { hitThrottle, ThrottledError, type ThrottleRule } from '@/server/http/rate-limit';
import { configuredNotifier, type Notifier } from '@/server/notify/notifier';
import type { ResetPasswordInput } from '@/server/schemas/account';
import { companySettings } from '@/server/schemas/company';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { customerLocale } from '@/server/services/settings/locale';
import { mailLanguage } from '@/server/services/settings/mail-language';
import { readSettingsBlock } from '@/server/services/settings/read';
import { storePassword } from './change-password';

/** A reset link works once, for thirty minutes. */
export const resetLinkLifetimeMs = 30 * 60_000;

// Asking is cheap for the asker and sends mail on our name: a few a quarter-hour per address
// typed, and per client address, keep it from becoming a mail cannon.
const resetRequests: ThrottleRule = { limit: 5, windowMs: 15 * 60_000 };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Sends a single-use reset link to the account with this e-mail, if there is one that may sign
 * in. The caller learns nothing either way: the answer is the same, and only a hash of the
 * token is stored, so a database dump opens no account.
 */
export async function requestPasswordReset(ctx: ServiceContext, input: { email: string; origin: string }, notifier?: Notifier): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const buckets = [`password-reset:account:${email}`, ...(ctx.actor.ip ? [`password-reset:ip:${ctx.actor.ip}`] : [])];
  for (const bucket of buckets) {
    const state = await hitThrottle(ctx.db, bucket, resetRequests, ctx.now);
    if (state.limited) throw new ThrottledError(state.retryAfterMs);
  }
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  if (!user || user.disabled) return;

  const token = randomBytes(32).toString('base64url');
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(passwordResetTokens)
      .values({ userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(ctx.now.getTime() + resetLinkLifetimeMs), createdAt: ctx.now })
      .returning({ id: passwordResetTokens.id });
    await audit(tx, ctx.actor, 'user.password_reset_requested', { type: 'user', id: user.id }, { after: { email: user.email } });
    return created!;
  });

  const company = (await readSettingsBlock(ctx.db, 'company', companySettings)).name || 'Cashdesk';
  const link = `${input.origin}/reset-password?token=${token}`;
  // A customer's login reads their language; a desk account, the desk's default.
  const [customer] = user.customerId ? await ctx.db.select({ locale: customers.locale }).from(customers).where(eq(customers.id, user.customerId)) : [];
  const language = await mailLanguage(await customerLocale(ctx, customer ?? { locale: null }));
  const mail = <PasswordResetEmail company={company} name={user.name} link={link} language={language} />;
  const channels = notifier ?? (await configuredNotifier(ctx.db));
  await channels.email.send({
    to: user.email,
    subject: language.t('passwordReset.subject', { company }),
    html: await render(mail),
    text: await render(mail, { plainText: true }),
    attachments: [],
    template: 'password_reset',
    invoiceId: null,
    idempotencyKey: `password-reset:${row.id}`,
  });
}

const deadLink = () => new AppError('invalid_state', 'This reset link has expired or was already used; ask for a new one');

/** Sets a new password with a reset link: the link is spent by the first use that gets here. */
export async function resetPassword(ctx: ServiceContext, input: ResetPasswordInput): Promise<{ email: string }> {
  const live = and(eq(passwordResetTokens.tokenHash, hashToken(input.token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, ctx.now));
  const [found] = await ctx.db
    .select({ id: passwordResetTokens.id, userId: users.id, email: users.email, disabled: users.disabled })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(live);
  if (!found || found.disabled) throw deadLink();
  // scrypt takes a while on purpose; do it before the transaction holds any lock.
  const passwordHash = await hashPassword(input.newPassword);
  return ctx.db.transaction(async (tx) => {
    // Claimed with a conditional update, so two racing uses cannot both pass.
    const [claimed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: ctx.now })
      .where(and(eq(passwordResetTokens.id, found.id), live))
      .returning({ id: passwordResetTokens.id });
    if (!claimed) throw deadLink();
    await storePassword(tx, ctx, found.userId, passwordHash, 'reset');
    return { email: found.email };
  });
}
