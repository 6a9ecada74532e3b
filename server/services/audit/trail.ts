import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { apiKeys, auditLog, users } from '@/db/schema';
import type { Role } from '@/server/auth/permissions';
import type { ServiceContext } from '@/server/services/context';

export type AuditEntry = typeof auditLog.$inferSelect;

const roleLabel: Record<Role, string> = { admin: 'Staff', staff: 'Staff', reseller: 'Reseller', client: 'Customer', collector: 'Staff' };
// Labels that name no person: they stay as written for every reader.
const impersonal = new Set<AuditEntry['actorType']>(['system', 'stripe', 'paypal', 'anonymous']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const without = (value: unknown, keys: readonly string[]) =>
  isRecord(value) ? Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key))) : value;

// A provider's answer (a failed send, a provisioning call) is for the desk's eyes only.
const providerWords = ['detail', 'error'];

/**
 * The newest audit entries of one record, as the actor may read them; callers check that the
 * actor may see the record itself. The desk reads every entry as written. A reseller reads its
 * own entries as written; anyone else appears by role ("Staff", "Reseller", "Customer") without
 * e-mail or address, and the body of a note someone else wrote is left out. Providers' answers
 * stay with the desk.
 */
export async function auditTrail(ctx: ServiceContext, entity: { type: string; id: string }, limit = 200): Promise<AuditEntry[]> {
  const where = and(eq(auditLog.entityType, entity.type), eq(auditLog.entityId, entity.id));
  const { scope } = ctx.actor;
  if (scope.kind === 'all') return ctx.db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(limit);

  const rows = await ctx.db
    .select({ ...getTableColumns(auditLog), userRole: users.role, keyRole: apiKeys.role, keyReseller: apiKeys.resellerId })
    .from(auditLog)
    .leftJoin(users, and(eq(auditLog.actorType, 'user'), sql`${users.id}::text = ${auditLog.actorId}`))
    .leftJoin(apiKeys, and(eq(auditLog.actorType, 'api_key'), sql`${apiKeys.id}::text = ${auditLog.actorId}`))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(limit);
  const resellerId = scope.kind === 'reseller' ? scope.resellerId : null;
  return rows.map(({ userRole, keyRole, keyReseller, ...entry }) => {
    const own =
      resellerId !== null && ((entry.actorType === 'user' && entry.actorId === resellerId) || (entry.actorType === 'api_key' && keyReseller === resellerId));
    const hidden = own ? providerWords : entry.action.startsWith('note.') ? [...providerWords, 'body'] : providerWords;
    return {
      ...entry,
      actorId: own || impersonal.has(entry.actorType) ? entry.actorId : null,
      actorLabel: own || impersonal.has(entry.actorType) ? entry.actorLabel : roleLabel[userRole ?? keyRole ?? 'staff'],
      ip: own ? entry.ip : null,
      before: without(entry.before, hidden),
      after: without(entry.after, hidden),
    };
  });
}
