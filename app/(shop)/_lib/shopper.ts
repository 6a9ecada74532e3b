import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { currentUser, type SessionUser } from '@/server/auth/next-auth';
import { sessionOrVisitorContext } from '@/server/context';
import type { ServiceContext } from '@/server/services/context';

/**
 * The store's service context for this request: the signed-in person, or an anonymous visitor
 * (the store is public). Read once per request however many components ask.
 */
export const shopper = cache(async (): Promise<{ ctx: ServiceContext; user: SessionUser | null }> => {
  const [ctx, user] = await Promise.all([headers().then(sessionOrVisitorContext), currentUser()]);
  return { ctx, user: ctx.actor.type === 'user' ? user : null };
});
