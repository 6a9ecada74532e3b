import { requirePermission } from '@/server/auth/actor';
import { formatMinor } from '@/server/billing/currency';
import { formatCode } from '@/server/billing/voucher-code';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { listBatchRows, loadBatch, unsealCode, type BatchDetail, type BatchView } from './store';

// The console and the API list the latest batches; a desk prints a few a month.
const batchListLimit = 200;

/** Prepaid card batches, newest first. Batches are the desk's, never a reseller's or a client's. */
export async function listVoucherBatches(ctx: ServiceContext): Promise<BatchView[]> {
  requirePermission(ctx.actor, 'vouchers.manage');
  return listBatchRows(ctx.db, batchListLimit);
}

/** One batch with its cards (their last four symbols and state, never the codes). */
export async function getVoucherBatch(ctx: ServiceContext, input: { id: string }): Promise<BatchDetail> {
  requirePermission(ctx.actor, 'vouchers.manage');
  return loadBatch(ctx.db, input.id, ctx.now);
}

export type PrintableCard = BatchDetail['cards'][number] & { code: string };
export type PrintableBatch = Omit<BatchDetail, 'cards'> & { cards: PrintableCard[] };

/**
 * The batch with its cards' codes in the clear, for its printable sheet and CSV. Whoever opens
 * them is written to the audit log: the codes are money to anyone who reads them.
 */
export async function voucherBatchCodes(ctx: ServiceContext, input: { id: string; purpose: 'sheet' | 'csv' }): Promise<PrintableBatch> {
  requirePermission(ctx.actor, 'vouchers.manage');
  return ctx.db.transaction(async (tx) => {
    const batch = await loadBatch(tx, input.id, ctx.now);
    await audit(tx, ctx.actor, 'voucher_batch.codes_opened', { type: 'voucher_batch', id: batch.id }, { after: { purpose: input.purpose } });
    return { ...batch, cards: batch.cards.map((card) => ({ ...card, code: formatCode(unsealCode(card.codeSealed)) })) };
  });
}

/** A batch's cards as CSV rows (header first): code, value in major units, currency, expiry, state. */
export async function exportVoucherBatch(ctx: ServiceContext, input: { id: string }): Promise<{ filename: string; rows: string[][] }> {
  const batch = await voucherBatchCodes(ctx, { id: input.id, purpose: 'csv' });
  const rows = batch.cards.map((card) => [card.code, formatMinor(batch.value, batch.currency), batch.currency, batch.expiresOn, card.status]);
  return { filename: `prepaid-cards-${batch.id.slice(0, 8)}.csv`, rows: [['code', 'value', 'currency', 'expires_on', 'status'], ...rows] };
}
