import { createHmac } from 'node:crypto';
import { asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { voucherBatches, vouchers } from '@/db/schema';
import { seal, unseal } from '@/server/auth/secret-box';
import { toPlainDate } from '@/server/billing/periods';
import { env } from '@/server/env';
import { notFound } from '@/server/errors';

/*
 * Prepaid cards as the desk reads them. A code is never stored as it is: `codeHash` finds a
 * typed code's card, `codeSealed` gives the batch's sheet and CSV their codes back, and both
 * need the server secret (docs/prepaid-cards.md "Codes at rest").
 */

const sealPurpose = 'voucher-code';

export const hashCode = (bare: string, secret = env().secret): string => createHmac('sha256', secret).update(`voucher:${bare}`).digest('base64url');
export const sealCode = (bare: string): string => seal(bare, sealPurpose);
export const unsealCode = (sealed: string): string => unseal(sealed, sealPurpose);

export type BatchRow = typeof voucherBatches.$inferSelect;
export type VoucherRow = typeof vouchers.$inferSelect;
export type VoucherStatus = 'unused' | 'redeemed' | 'voided' | 'expired';
export type BatchView = BatchRow & { redeemed: number; voided: number };
export type VoucherView = VoucherRow & { status: VoucherStatus };
export type BatchDetail = BatchView & { cards: VoucherView[] };

/** A card's state: redeemed and voided are final; an unused card of a past expiry day has expired. */
export function voucherStatus(card: Pick<VoucherRow, 'redeemedAt' | 'voidedAt'>, batch: Pick<BatchRow, 'expiresOn'>, now: Date): VoucherStatus {
  if (card.redeemedAt) return 'redeemed';
  if (card.voidedAt) return 'voided';
  return batch.expiresOn < toPlainDate(now) ? 'expired' : 'unused';
}

const batchCounts = {
  redeemed: sql<number>`(select count(*) from vouchers v where v.batch_id = voucher_batches.id and v.redeemed_at is not null)::int`,
  voided: sql<number>`(select count(*) from vouchers v where v.batch_id = voucher_batches.id and v.voided_at is not null)::int`,
};

/** Batches newest first, with how many of their cards are redeemed and voided. */
export async function listBatchRows(db: Database, limit: number): Promise<BatchView[]> {
  return db
    .select({ ...getTableColumns(voucherBatches), ...batchCounts })
    .from(voucherBatches)
    .orderBy(desc(voucherBatches.createdAt), desc(voucherBatches.id))
    .limit(limit);
}

export async function loadBatch(db: Database, id: string, now: Date): Promise<BatchDetail> {
  const [batch] = await db
    .select({ ...getTableColumns(voucherBatches), ...batchCounts })
    .from(voucherBatches)
    .where(eq(voucherBatches.id, id));
  if (!batch) throw notFound('Prepaid card batch');
  const cards = await db.select().from(vouchers).where(eq(vouchers.batchId, id)).orderBy(asc(vouchers.createdAt), asc(vouchers.id));
  return { ...batch, cards: cards.map((card) => ({ ...card, status: voucherStatus(card, batch, now) })) };
}

export async function lockBatch(tx: Database, id: string): Promise<BatchRow> {
  const [batch] = await tx.select().from(voucherBatches).where(eq(voucherBatches.id, id)).for('update');
  if (!batch) throw notFound('Prepaid card batch');
  return batch;
}

/** A card with its batch, row-locked: a second redeemer or voider waits, then sees the first's outcome. */
export async function lockVoucher(tx: Database, where: { id: string } | { codeHash: string }) {
  const [row] = await tx
    .select({ card: vouchers, batch: voucherBatches })
    .from(vouchers)
    .innerJoin(voucherBatches, eq(voucherBatches.id, vouchers.batchId))
    .where('id' in where ? eq(vouchers.id, where.id) : eq(vouchers.codeHash, where.codeHash))
    .for('update', { of: vouchers });
  return row;
}
