import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db';
import { rowsOf } from '@/db/sql';

/*
 * What the wallet's use cases share: a grant's remainder, and the settling entries (release,
 * lapse, void) that each act once on a grant. Every entry that takes from a grant is written
 * after its row is locked (`for update`, in id order so two writers never deadlock), by a
 * statement that starts after the lock: a payment releasing a grant and a run lapsing it then
 * see each other's entry, and a grant never gives more than it holds.
 */

/** A list of ids as one parameter (a list of parameters would hit the driver's limit on a big run). */
export const uuidList = (ids: readonly string[]) => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;

/** What is left of grant `g`: its pending amount less what releases, lapses and voids took; what is available of it after draws and lapses. */
export const remainderOf = sql`lateral (
  select g.pending + coalesce(sum(e.pending), 0) as pending_left, coalesce(sum(e.available), 0) as available_left
  from wallet_entries e where e.grant_id = g.id
) r`;

/**
 * Locks the grants (`g`) the condition picks that still hold something, in id order; the
 * caller's next statement sees every entry written before it got them. A grant holding nothing
 * can never move again (only a release adds, and only what is pending), so a spent grant is
 * passed over rather than locked by every later run.
 */
export async function lockGrants(tx: Database, where: SQL): Promise<number> {
  const locked = rowsOf(
    await tx.execute(sql`
      select g.id from wallet_entries g cross join ${remainderOf}
      where g.kind = 'grant' and ${where} and (r.pending_left <> 0 or r.available_left <> 0)
      order by g.id for update of g`),
  );
  return locked.length;
}

export type Settlement = 'release' | 'lapse' | 'void';

const moves: Record<Settlement, { pending: SQL; available: SQL }> = {
  // Paid: what is still pending becomes available.
  release: { pending: sql`-r.pending_left`, available: sql`r.pending_left` },
  // Its period ended: whatever is left, available or (never paid) pending, is gone.
  lapse: { pending: sql`-r.pending_left`, available: sql`-r.available_left` },
  // Its invoice was cancelled unpaid: the pending credits were never owed.
  void: { pending: sql`-r.pending_left`, available: sql`0` },
};

/**
 * One `kind` entry per grant the condition picks (locked first) that has something left for it
 * to move; a grant already settled that way is skipped (one release, lapse and void per grant).
 * Returns how many grants moved. The entry names its grant, not the grant's invoice (the
 * schema's rule): a foreign key to the invoice would wait for a payment holding that invoice
 * while the payment waits for the grant, which a lapse holds.
 */
export async function settleGrants(tx: Database, kind: Settlement, where: SQL, description: SQL, now: Date): Promise<number> {
  if ((await lockGrants(tx, where)) === 0) return 0;
  const { pending, available } = moves[kind];
  const written = rowsOf(
    await tx.execute(sql`
      insert into wallet_entries (customer_id, currency, kind, pending, available, grant_id, description, created_at)
      select g.customer_id, g.currency, ${kind}, ${pending}, ${available}, g.id, ${description},
             ${now.toISOString()}::timestamptz
      from wallet_entries g
      cross join ${remainderOf}
      left join invoices i on i.id = g.invoice_id
      where g.kind = 'grant' and ${where} and (${pending} <> 0 or ${available} <> 0)
      on conflict (grant_id, kind) where kind in ('release', 'lapse', 'void') do nothing
      returning id`),
  );
  return written.length;
}
