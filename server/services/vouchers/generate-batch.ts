import { randomBytes } from 'node:crypto';
import { voucherBatches, vouchers } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { toPlainDate } from '@/server/billing/periods';
import { codeTail, drawCode, normalizeCode } from '@/server/billing/voucher-code';
import { AppError } from '@/server/errors';
import type { DomainInput } from '@/server/schemas/common';
import type { createVoucherBatchInput } from '@/server/schemas/vouchers';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { hashCode, loadBatch, sealCode, type BatchDetail } from './store';

export type CreateVoucherBatchInput = DomainInput<typeof createVoucherBatchInput>;

/**
 * A batch of `count` new prepaid cards. The answer names the cards by their last four symbols
 * only: the codes open through the batch's sheet and CSV (`voucherBatchCodes`, audited), so no
 * answer that an idempotency record keeps ever holds one. A drawn code that clashes with any
 * card ever made is drawn again, so a code is one card for good.
 */
export async function generateVoucherBatch(ctx: ServiceContext, input: CreateVoucherBatchInput): Promise<BatchDetail> {
  requirePermission(ctx.actor, 'vouchers.manage');
  if (input.expiresOn < toPlainDate(ctx.now)) {
    throw new AppError('validation', 'The batch would expire before it is printed', { expires_on: 'must be today or later' });
  }
  return ctx.db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(voucherBatches)
      .values({
        name: input.name ?? null,
        value: input.value,
        currency: input.currency,
        expiresOn: input.expiresOn,
        count: input.count,
        createdById: ctx.actor.type === 'user' ? ctx.actor.id : null,
        createdAt: ctx.now,
      })
      .returning();
    for (let made = 0; made < input.count;) {
      const drawn = Array.from({ length: input.count - made }, () => normalizeCode(drawCode(randomBytes))!);
      const inserted = await tx
        .insert(vouchers)
        .values(
          drawn.map((bare) => ({ batchId: batch!.id, codeHash: hashCode(bare), codeSealed: sealCode(bare), codeTail: codeTail(bare), createdAt: ctx.now })),
        )
        .onConflictDoNothing()
        .returning({ id: vouchers.id });
      made += inserted.length;
    }
    // The audit row names the batch, never its codes.
    await audit(tx, ctx.actor, 'voucher_batch.created', { type: 'voucher_batch', id: batch!.id }, { after: batch });
    return loadBatch(tx, batch!.id, ctx.now);
  });
}
