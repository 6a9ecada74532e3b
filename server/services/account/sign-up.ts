import { isUniqueViolation } from '@/db/errors';
import { customers, users } from '@/db/schema';
import { userActor } from '@/server/auth/actor';
import { hashPassword } from '@/server/auth/password';
import { AppError } from '@/server/errors';
import { hitThrottle, ThrottledError, type ThrottleRule } from '@/server/http/rate-limit';
import type { SignUpInput } from '@/server/schemas/store';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { storeCurrencies } from '@/server/services/storefront/read';

export type SignedUp = { customerId: string; userId: string; email: string };

/** Ten new accounts per client address in ten minutes is plenty for people, little for a script. */
export const signUpThrottle: ThrottleRule = { limit: 10, windowMs: 10 * 60_000 };

const taken = () => new AppError('conflict', 'An account with this e-mail already exists', { email: 'already has an account; sign in instead' });

/**
 * A visitor opens an account (at checkout or on /sign-up): a direct customer billed at their
 * address, in the currency they chose among those the store sells in (default: the store's),
 * and the client login for it, together or not at all. The unique e-mail indexes (customers
 * and users), not a prior lookup, refuse a second account, so racing sign-ups cannot both win.
 */
export async function signUp(ctx: ServiceContext, input: SignUpInput): Promise<SignedUp> {
  if (ctx.actor.type !== 'anonymous') throw new AppError('invalid_state', 'You are already signed in');
  // Counted before the hash, failed or not: each try costs a deliberately slow scrypt.
  const throttle = await hitThrottle(ctx.db, `sign-up:ip:${ctx.actor.ip ?? 'unknown'}`, signUpThrottle, ctx.now);
  if (throttle.limited) throw new ThrottledError(throttle.retryAfterMs);
  // scrypt takes a while on purpose; do it before the transaction holds any lock.
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const offered = await storeCurrencies(tx);
    const currency = input.currency ?? offered.default;
    if (!offered.all.includes(currency)) {
      throw new AppError('validation', 'Choose one of the currencies we sell in', { currency: `must be one of ${offered.all.join(', ')}` });
    }
    try {
      const [customer] = await tx
        .insert(customers)
        .values({
          name: input.name,
          email: input.email,
          company: input.company ?? null,
          billingAddress: input.billingAddress,
          currency,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning();
      const [user] = await tx
        .insert(users)
        .values({ name: input.name, email: input.email, passwordHash, role: 'client', customerId: customer!.id, createdAt: ctx.now })
        .returning();
      // The new client is who acted: the audit log reads "they signed up", from the visitor's address.
      const actor = userActor({ ...user!, ip: ctx.actor.ip });
      await audit(
        tx,
        actor,
        'customer.signed_up',
        { type: 'customer', id: customer!.id },
        {
          after: { customer, user: { id: user!.id, email: user!.email, role: user!.role } },
        },
      );
      return { customerId: customer!.id, userId: user!.id, email: user!.email };
    } catch (error) {
      if (isUniqueViolation(error, 'customers_email_lower_uq') || isUniqueViolation(error, 'users_email_lower_uq')) throw taken();
      throw error;
    }
  });
}
