import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { users } from '@/db/schema';
import { AppError } from '@/server/errors';

/**
 * The collector the desk names for a customer: a user with role collector, not disabled, share-
 * locked until the transaction ends (as assignableReseller). Anything else is a field error on
 * `collector_id`.
 */
export async function assignableCollector(tx: Database, id: string): Promise<{ id: string; name: string }> {
  const [row] = await tx
    .select({ id: users.id, name: users.name, disabled: users.disabled })
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, 'collector')))
    .for('share');
  if (!row) throw new AppError('validation', 'Unknown collector', { collector_id: 'is not a collector' });
  if (row.disabled) throw new AppError('validation', 'This collector is disabled', { collector_id: 'is a disabled collector; enable it first' });
  return { id: row.id, name: row.name };
}
