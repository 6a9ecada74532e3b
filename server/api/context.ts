import { actorForUser } from '../auth/request-actor';
import { currentUser } from '../auth/next-auth';
import { database } from '../db';
import { clientIp, originOf } from '../http/request';
import type { TRPCContext } from './trpc';

/**
 * The tRPC context for a request carrying a next-auth session cookie; `url` (when the caller
 * has the request) lets links point at the host it was asked on even without a Host header.
 */
export async function createSessionContext(headers: Headers, url?: string): Promise<TRPCContext> {
  const db = await database();
  const user = await currentUser();
  return { db, actor: user ? await actorForUser(db, user.id, clientIp(headers)) : null, origin: originOf(headers, url) };
}
