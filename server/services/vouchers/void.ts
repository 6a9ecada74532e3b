import { and, eq, isNull } from 'drizzle-orm';
import { voucherBatches, vouchers } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { AppError, notFound } from '@/server/errors';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { loadBatch, lockBatch, lockVoucher, type BatchDetail } from './store';

/**
 * Voids a batch: every card of it not yet redeemed can no longer be; redeemed cards keep their
 * credit and invoices. Under the batch's lock and each card's, so a redemption either finishes
 * first (and its card stays redeemed) or finds the card void.
 */
export async function voidVoucherBatch(ctx: ServiceContext, input: { id: string }): Promise<BatchDetail> {
  requirePermission(ctx.actor, 'vouchers.manage');
  return ctx.db.transaction(async (tx) => {
    const batch = await lockBatch(tx, input.id);
    if (batch.voidedAt) throw new AppError('invalid_state', 'The batch is already void');
    await tx.update(voucherBatches).set({ voidedAt: ctx.now }).where(eq(voucherBatches.id, batch.id));
    const voided = await tx
      .update(vouchers)
      .set({ voidedAt: ctx.now })
      .where(and(eq(vouchers.batchId, batch.id), isNull(vouchers.redeemedAt), isNull(vouchers.voidedAt)))
      .returning({ id: vouchers.id });
    await audit(
      tx,
      ctx.actor,
      'voucher_batch.voided',
      { type: 'voucher_batch', id: batch.id },
      { before: { voidedAt: null }, after: { voidedAt: ctx.now, cardsVoided: voided.length } },
    );
    return loadBatch(tx, batch.id, ctx.now);
  });
}

/** Voids one card that has not been redeemed (a lost or misprinted card). */
export async function voidVoucher(ctx: ServiceContext, input: { id: string }): Promise<BatchDetail> {
  requirePermission(ctx.actor, 'vouchers.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await lockVoucher(tx, { id: input.id });
    if (!row) throw notFound('Prepaid card');
    if (row.card.redeemedAt) throw new AppError('invalid_state', 'The card is already redeemed; its credit is the customer’s');
    if (row.card.voidedAt) throw new AppError('invalid_state', 'The card is already void');
    await tx.update(vouchers).set({ voidedAt: ctx.now }).where(eq(vouchers.id, row.card.id));
    await audit(
      tx,
      ctx.actor,
      'voucher.voided',
      { type: 'voucher', id: row.card.id },
      { before: { voidedAt: null }, after: { voidedAt: ctx.now, batchId: row.batch.id, codeTail: row.card.codeTail } },
    );
    return loadBatch(tx, row.batch.id, ctx.now);
  });
}
