import { and, eq, type SQL } from 'drizzle-orm';
import type { Database } from '@/db';
import { resellers, users } from '@/db/schema';
import { isResellerFlag, type ResellerFlag } from '@/server/auth/permissions';
import { AppError, notFound } from '@/server/errors';

/** A reseller as the admin sees it: its account and its profile. */
export type ResellerView = {
  id: string;
  name: string;
  email: string;
  commissionMilli: bigint;
  parentId: string | null;
  permissions: ResellerFlag[];
  seeParentCustomers: boolean;
  mayCreateSubResellers: boolean;
  currency: string | null;
  active: boolean;
  createdAt: Date;
};

export const resellerColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  commissionMilli: resellers.commissionMilli,
  parentId: resellers.parentId,
  permissions: users.permissions,
  seeParentCustomers: resellers.seeParentCustomers,
  mayCreateSubResellers: resellers.mayCreateSubResellers,
  currency: resellers.currency,
  disabled: users.disabled,
  createdAt: users.createdAt,
};

export const resellersWithProfile = (db: Database) => db.select(resellerColumns).from(users).innerJoin(resellers, eq(resellers.userId, users.id));
type Row = Awaited<ReturnType<typeof resellersWithProfile>>[number];

export const asReseller = ({ disabled, permissions, ...row }: Row): ResellerView => ({
  ...row,
  permissions: permissions.filter(isResellerFlag),
  active: !disabled,
});

/** Loads a reseller (within a reach, when given), optionally locking its user and profile rows for an update. */
export async function findReseller(db: Database, id: string, options: { lock?: boolean; within?: SQL | undefined } = {}): Promise<ResellerView> {
  const query = resellersWithProfile(db).where(and(eq(users.id, id), eq(users.role, 'reseller'), options.within));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('Reseller');
  return asReseller(row);
}

/** A parent must be another existing reseller, and not one below the reseller itself (no cycles). */
export async function checkParent(db: Database, parentId: string, childId?: string): Promise<void> {
  const refused = (message: string) => new AppError('validation', message, { parent_id: message });
  let current: string | null = parentId;
  for (let depth = 0; current; depth++) {
    if (current === childId || depth > 50) throw refused('would put the reseller below itself');
    const [row]: Array<{ parentId: string | null }> = await db.select({ parentId: resellers.parentId }).from(resellers).where(eq(resellers.userId, current));
    if (!row) throw refused('must be an existing reseller');
    current = row.parentId;
  }
}
