import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { users } from '@/db/schema';
import { userActor, type Actor } from './actor';

/**
 * The actor for a signed-in user, read fresh from the database on each request so a changed
 * role, permission set or a disabled account takes effect at once, not when the JWT expires.
 */
export async function actorForUser(db: Database, userId: string, ip?: string): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabled) return null;
  return userActor({ ...user, ip });
}
