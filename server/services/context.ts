import type { Database } from '@/db';
import type { Actor } from '../auth/actor';

/** What every use case receives: where to read and write, who acts, and what time it is. */
export type ServiceContext = { db: Database; actor: Actor; now: Date };
