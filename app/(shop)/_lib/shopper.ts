import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { anonymousActor } from '@/server/auth/actor';
import { type SessionUser, currentUser } from '@/server/auth/next-auth';
import { actorForUser } from '@/server/auth/request-actor';
import { database } from '@/server/db';
import { clientIp } from '@/server/http/request';
import type { ServiceContext } from '@/server/services/context';

/**
 * The store's service context for this request: the signed-in person, or an anonymous visitor
 * (the store is public). Read once per request however many components ask.
 */
export const shopper = cache(async (): Promise<{ ctx: ServiceContext; user: SessionUser | null }> => {
  const [db, user, ip] = await Promise.all([database(), currentUser(), headers().then(clientIp)]);
  const actor = (user && (await actorForUser(db, user.id, ip))) || anonymousActor(ip);
  return { ctx: { db, actor, now: new Date() }, user: actor.type === 'user' ? user : null };
});
