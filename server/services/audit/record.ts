import type { Database } from '@/db';
import { auditLog } from '@/db/schema';
import type { Actor } from '@/server/auth/actor';
import { plainJson } from '@/server/json';

/** Appends the audit row for a change; call it inside the transaction that makes the change. */
export async function audit(
  tx: Database,
  actor: Actor,
  action: string,
  entity: { type: string; id: string },
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  await tx.insert(auditLog).values({
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    action,
    entityType: entity.type,
    entityId: entity.id,
    before: plainJson(change.before),
    after: plainJson(change.after),
    ip: actor.ip ?? null,
  });
}
