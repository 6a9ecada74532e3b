import { auditLog } from '@/db/schema';
import type { Database } from '@/db';
import type { Actor } from '../auth/actor';

// JSON columns cannot hold bigint; money is stored as its decimal string in audit snapshots.
function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

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
    before: toJson(change.before),
    after: toJson(change.after),
    ip: actor.ip ?? null,
  });
}
