import { eq, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { SessionUser } from '@/server/auth/next-auth';
import { verifyAgainstNothing, verifyPassword } from '@/server/auth/password';
import { AppError } from '@/server/errors';
import { forgiveHit, hitThrottle, peekThrottle, ThrottledError, type ThrottleRule } from '@/server/http/rate-limit';
import type { ServiceContext } from '@/server/services/context';
import { checkSecondFactor } from './two-factor';

/** Ten failed sign-ins per account, and per client address, in fifteen minutes. */
export const signInThrottle: ThrottleRule = { limit: 10, windowMs: 15 * 60_000 };

/** The same words whether the e-mail is unknown, the password wrong or the account disabled. */
export const wrongCredentials = () => new AppError('unauthorized', 'That e-mail and password do not match an account.');

/**
 * The throttle buckets one attempt counts against: the account (whatever e-mail is typed, known
 * or not, so probing for accounts meets the same wall) and the caller's address when known.
 * An unknown address gets no bucket of its own: one shared "unknown" bucket would let a single
 * caller lock everyone out.
 */
export function signInBuckets(email: string, ip: string | undefined): string[] {
  const buckets = [`sign-in:account:${email.trim().toLowerCase()}`];
  if (ip) buckets.push(`sign-in:ip:${ip}`);
  return buckets;
}

/** The password was right and the account asks for its second factor: the form asks for the code. */
export class TwoFactorRequired extends AppError {
  constructor() {
    super('unauthorized', 'Enter the 6-digit code from your authenticator app, or a recovery code');
  }
}

/** Refuses before any work when a bucket is already full; the HTTP route uses it for Retry-After. */
export async function signInRefusal(ctx: ServiceContext, email: string): Promise<ThrottledError | null> {
  const states = await Promise.all(signInBuckets(email, ctx.actor.ip).map((b) => peekThrottle(ctx.db, b, signInThrottle, ctx.now)));
  const limited = states.filter((s) => s.limited);
  return limited.length ? new ThrottledError(Math.max(...limited.map((s) => s.retryAfterMs))) : null;
}

/**
 * Checks an e-mail and password and returns who signed in. Every attempt is counted first
 * (one upsert per bucket, so racing attempts cannot slip past the limit) and a successful one
 * is forgiven, so only failures add up: the 11th try within the window is refused even with
 * the right password, and nothing is checked at all, so a refusal costs no scrypt. An account
 * with two-factor sign-in also needs `code`: the app's current code or a recovery code.
 */
export async function signIn(ctx: ServiceContext, input: { email: string; password: string; code?: string | undefined }): Promise<SessionUser> {
  const email = input.email.trim().toLowerCase();
  const buckets = signInBuckets(email, ctx.actor.ip);
  const states = await Promise.all(buckets.map((b) => hitThrottle(ctx.db, b, signInThrottle, ctx.now)));
  const over = states.filter((s) => s.limited);
  if (over.length) throw new ThrottledError(Math.max(...over.map((s) => s.retryAfterMs)));

  const [user] = await ctx.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  const matches = user ? await verifyPassword(input.password, user.passwordHash) : await verifyAgainstNothing(input.password);
  if (!user || !matches || user.disabled) throw wrongCredentials();
  const forgive = () => Promise.all(buckets.map((b) => forgiveHit(ctx.db, b)));
  if (user.totpEnabledAt) {
    // Asking for the code is no failure; a wrong code is one, counted like a wrong password.
    if (!input.code) {
      await forgive();
      throw new TwoFactorRequired();
    }
    if (!(await checkSecondFactor(ctx.db, user, input.code, ctx.now))) {
      throw new AppError('unauthorized', 'That code does not match; enter the current one from your app, or an unused recovery code');
    }
  }
  await forgive();
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
