import type { Database } from '@/db';
import { systemActor, type Actor } from '../auth/actor';

/** What every use case receives: where to read and write, who acts, and what time it is. */
export type ServiceContext = { db: Database; actor: Actor; now: Date };

/**
 * Cashdesk itself (schedules, workflows, the seed) or a payment gateway's verified webhook.
 * Kept here, free of web imports, so scripts and workers can build it; requests use the
 * builders in server/context.ts.
 */
export function systemContext(db: Database, now: Date = new Date(), as: 'system' | 'stripe' | 'paypal' = 'system'): ServiceContext {
  return { db, actor: systemActor(as), now };
}
