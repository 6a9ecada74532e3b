import type { Database } from '@/db';
import { anonymousActor } from './auth/actor';
import { currentUser } from './auth/next-auth';
import { actorForUser } from './auth/request-actor';
import { database } from './db';
import { AppError } from './errors';
import { clientIp } from './http/request';
import type { ServiceContext } from './services/context';
import { authenticateApiKey } from './services/people/api-keys';

/*
 * The one place a request becomes a ServiceContext — who acts, on which database, at what time.
 * Pages, server actions, route handlers, webhooks and workflows pick the builder for how the
 * caller reached us and never assemble `{ db, actor, now }` by hand. `systemContext` lives with
 * the ServiceContext type (scripts and workers import it without the web's modules).
 */

/** The signed-in person (session cookie), read fresh so a disabled account or changed permission applies at once; null when nobody is signed in. */
export async function sessionContext(headers: Headers): Promise<ServiceContext | null> {
  const [db, user] = await Promise.all([database(), currentUser()]);
  const actor = user && (await actorForUser(db, user.id, clientIp(headers)));
  return actor ? { db, actor, now: new Date() } : null;
}

/**
 * Someone without a session: a shopper, a holder of an invoice's link token, a person signing
 * in or resetting a password. They act with no permission; their address counts against the
 * throttles.
 */
export async function visitorContext(headers: Headers): Promise<ServiceContext> {
  return { db: await database(), actor: anonymousActor(clientIp(headers)), now: new Date() };
}

/** The signed-in person when there is one, else a visitor (the store and the pay pages are public). */
export async function sessionOrVisitorContext(headers: Headers): Promise<ServiceContext> {
  return (await sessionContext(headers)) ?? visitorContext(headers);
}

/** An integrator's `Authorization: Bearer <key>`; a missing, revoked or unknown key is 401. */
export async function apiKeyContext(db: Database, headers: Headers, now: Date): Promise<ServiceContext> {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '');
  if (!match) throw new AppError('unauthorized', 'Send an API key as "Authorization: Bearer <key>"');
  const actor = await authenticateApiKey(db, match[1]!, clientIp(headers));
  if (!actor) throw new AppError('unauthorized', 'The API key is invalid or revoked');
  return { db, actor, now };
}

export { systemContext } from './services/context';
