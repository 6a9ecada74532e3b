import { sessionContext } from '../context';
import { database } from '../db';
import { publicOrigin } from '../env';
import type { TRPCContext } from './trpc';

/**
 * The tRPC context for a request carrying a next-auth session cookie. Links point at the
 * configured public origin, never at the Host a request names.
 */
export async function createSessionContext(headers: Headers): Promise<TRPCContext> {
  const [db, session] = await Promise.all([database(), sessionContext(headers)]);
  return { db, actor: session?.actor ?? null, origin: publicOrigin() };
}
