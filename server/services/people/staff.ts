import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { hashPassword } from '@/server/auth/password';
import { isPermission, type Permission } from '@/server/auth/permissions';
import { AppError, notFound } from '@/server/errors';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { emailTaken, isEmailTaken } from './accounts';

export type StaffRole = 'admin' | 'staff' | 'collector';
export type StaffMember = { id: string; name: string; email: string; role: StaffRole; permissions: Permission[]; disabled: boolean; createdAt: Date };

const columns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  permissions: users.permissions,
  disabled: users.disabled,
  createdAt: users.createdAt,
};
const asMember = (row: { role: string; permissions: string[] } & Omit<StaffMember, 'role' | 'permissions'>): StaffMember => ({
  ...row,
  role: row.role as StaffRole,
  permissions: row.permissions.filter(isPermission),
});

/**
 * The people who work the console, cash collectors among them with how many customers are on
 * their round (qualified by hand: drizzle writes a single table's columns unqualified).
 */
export async function listStaff(ctx: ServiceContext): Promise<Array<StaffMember & { assignedCustomers: number }>> {
  requirePermission(ctx.actor, 'settings.manage');
  const rows = await ctx.db
    .select({ ...columns, assignedCustomers: sql<number>`(select count(*) from customers c where c.collector_id = "users"."id")::int` })
    .from(users)
    .where(inArray(users.role, ['admin', 'staff', 'collector']))
    .orderBy(asc(users.name));
  return rows.map(({ assignedCustomers, ...row }) => ({ ...asMember(row), assignedCustomers }));
}

/**
 * A new staff member who signs in with the given password and holds exactly these permissions,
 * or a cash collector, whose only permission is its role's (payments.collect, on its customers).
 */
export async function createStaff(
  ctx: ServiceContext,
  input: { name: string; email: string; password: string; permissions: Permission[]; role?: 'staff' | 'collector' | undefined },
): Promise<StaffMember> {
  requirePermission(ctx.actor, 'settings.manage');
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    try {
      const [row] = await tx
        .insert(users)
        .values({
          name: input.name,
          email: input.email,
          passwordHash,
          role: input.role ?? 'staff',
          permissions: input.role === 'collector' ? [] : input.permissions,
          createdAt: ctx.now,
        })
        .returning(columns);
      const member = asMember(row!);
      await audit(tx, ctx.actor, 'staff.created', { type: 'user', id: member.id }, { after: member });
      return member;
    } catch (error) {
      if (isEmailTaken(error)) throw emailTaken();
      throw error;
    }
  });
}

/** Replaces a staff member's permissions; they apply from the member's next request. */
export async function setStaffPermissions(ctx: ServiceContext, input: { id: string; permissions: Permission[] }): Promise<StaffMember> {
  requirePermission(ctx.actor, 'settings.manage');
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select(columns)
      .from(users)
      .where(and(eq(users.id, input.id), eq(users.role, 'staff')))
      .for('update');
    if (!before) throw notFound('Staff member');
    const [after] = await tx.update(users).set({ permissions: input.permissions }).where(eq(users.id, input.id)).returning(columns);
    await audit(
      tx,
      ctx.actor,
      'staff.permissions_changed',
      { type: 'user', id: input.id },
      { before: { permissions: before.permissions }, after: { permissions: input.permissions } },
    );
    return asMember(after!);
  });
}

/**
 * Disables (or re-enables) any user's sign-in. The actor is re-read on every request, so the
 * person's open sessions stop at their next request, and so do the API keys that act for them
 * (see `authenticateApiKey`). Admins cannot lock themselves out.
 */
export async function setUserDisabled(ctx: ServiceContext, input: { id: string; disabled: boolean }): Promise<{ id: string; disabled: boolean }> {
  requirePermission(ctx.actor, 'settings.manage');
  if (input.disabled && ctx.actor.type === 'user' && ctx.actor.id === input.id) {
    throw new AppError('invalid_state', 'You cannot disable your own account; ask another admin');
  }
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ id: users.id, email: users.email, disabled: users.disabled }).from(users).where(eq(users.id, input.id)).for('update');
    if (!before) throw notFound('User');
    if (before.disabled === input.disabled) return { id: before.id, disabled: before.disabled };
    await tx.update(users).set({ disabled: input.disabled }).where(eq(users.id, input.id));
    await audit(
      tx,
      ctx.actor,
      input.disabled ? 'user.disabled' : 'user.enabled',
      { type: 'user', id: input.id },
      {
        before: { email: before.email, disabled: before.disabled },
        after: { email: before.email, disabled: input.disabled },
      },
    );
    return { id: before.id, disabled: input.disabled };
  });
}
