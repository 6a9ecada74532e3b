import { randomBytes, scryptSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { users } from '@/db/schema';
import { anonymousActor } from '@/server/auth/actor';
import type { Role } from '@/server/auth/permissions';
import { ctxOf, givenUser } from '../support/fixtures';

/**
 * A stored hash in the real format at a tiny cost (N=2^10): the parameters travel with each
 * hash, so checking it runs the real code path without the production cost per attempt, which
 * on a shared test machine turns a dozen sign-ins into a timeout.
 */
export function cheapHash(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFKC'), salt, 32, { N: 1024, r: 8, p: 1 });
  return ['scrypt', 1024, 8, 1, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** A user who signs in with `password` (fixtures' users have no usable password). */
export async function givenMember(db: Database, role: Role, password: string, options: { customerId?: string; permissions?: string[] } = {}) {
  const user = await givenUser(db, role, options);
  const [row] = await db
    .update(users)
    .set({ passwordHash: cheapHash(password) })
    .where(eq(users.id, user.id))
    .returning();
  return { ...user, email: row!.email };
}

/** A visitor at a sign-in form, from one address, at one moment. */
export const visitorAt = (db: Database, ip: string, now: Date) => ctxOf(db, anonymousActor(ip), now);
