import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { auditLog } from '@/db/schema';

export type AuditEntry = typeof auditLog.$inferSelect;

/** The newest audit entries of one record; callers check that the actor may see the record. */
export function auditTrail(db: Database, entity: { type: string; id: string }, limit = 200): Promise<AuditEntry[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entity.type), eq(auditLog.entityId, entity.id)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
