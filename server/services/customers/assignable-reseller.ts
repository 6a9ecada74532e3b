import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { resellers, users } from '@/db/schema';
import { AppError } from '@/server/errors';

/**
 * The reseller the desk names for a customer, when it is one that can take customers: a reseller
 * account with its profile, not disabled. Its rows are share-locked until the transaction ends,
 * so a reseller being disabled at the same moment waits for the assignment (or refuses it after).
 * Anything else is a field error on `reseller_id`, as creating a customer answers it.
 */
export async function assignableReseller(tx: Database, id: string): Promise<{ id: string; name: string }> {
  const [row] = await tx
    .select({ id: users.id, name: users.name, disabled: users.disabled })
    .from(users)
    .innerJoin(resellers, eq(resellers.userId, users.id))
    .where(and(eq(users.id, id), eq(users.role, 'reseller')))
    .for('share');
  if (!row) throw new AppError('validation', 'Unknown reseller', { reseller_id: 'is not a reseller' });
  if (row.disabled) throw new AppError('validation', 'This reseller is disabled', { reseller_id: 'is a disabled reseller; enable it first' });
  return { id: row.id, name: row.name };
}
