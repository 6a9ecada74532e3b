import type { Database } from '@/db';
import { auditLog } from '@/db/schema';
import type { Actor } from '@/server/auth/actor';
import { plainJson } from '@/server/json';

type Change = { entity: { type: string; id: string }; before?: unknown; after?: unknown };

/** Appends the audit row for a change; call it inside the transaction that makes the change. */
export async function audit(
  tx: Database,
  actor: Actor,
  action: string,
  entity: { type: string; id: string },
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  await auditEach(tx, actor, action, [{ entity, ...change }]);
}

/** One audit row per change of a bulk write (e.g. a usage batch's services), in one statement. */
export async function auditEach(tx: Database, actor: Actor, action: string, changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.insert(auditLog).values(
    changes.map((change) => ({
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      action,
      entityType: change.entity.type,
      entityId: change.entity.id,
      before: plainJson(change.before),
      after: plainJson(change.after),
      ip: actor.ip ?? null,
    })),
  );
}
