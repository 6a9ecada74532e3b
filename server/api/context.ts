import { actorForUser } from '../auth/request-actor';
import { currentUser } from '../auth/next-auth';
import { database } from '../db';
import { publicOrigin } from '../env';
import { clientIp } from '../http/request';
import type { TRPCContext } from './trpc';

/**
 * The tRPC context for a request carrying a next-auth session cookie. Links point at the
 * configured public origin, never at the Host a request names.
 */
export async function createSessionContext(headers: Headers): Promise<TRPCContext> {
  const db = await database();
  const user = await currentUser();
  return { db, actor: user ? await actorForUser(db, user.id, clientIp(headers)) : null, origin: publicOrigin() };
}
