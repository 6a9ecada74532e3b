import { z } from 'zod';
import { camelized } from '../../schemas/common';
import { customerIdInput } from '../../schemas/customers';
import {
  createVoucherBatchInput,
  redeemVoucherInput,
  redemptionOutput,
  topUpInput,
  topUpOutput,
  voucherBatchDetailOutput,
  voucherBatchIdInput,
  voucherBatchListOutput,
  voucherBatchOutput,
  voucherIdInput,
} from '../../schemas/vouchers';
import { startTopUp } from '../../services/credit/top-up';
import { generateVoucherBatch } from '../../services/vouchers/generate-batch';
import { exportVoucherBatch, getVoucherBatch, listVoucherBatches } from '../../services/vouchers/read';
import { redeemVoucher } from '../../services/vouchers/redeem';
import type { BatchDetail, BatchView } from '../../services/vouchers/store';
import { voidVoucher, voidVoucherBatch } from '../../services/vouchers/void';
import { csvResponse } from '../csv';
import { defineRoute } from '../handler';

const tag = 'Prepaid cards';

function batchJson(batch: BatchView): z.input<typeof voucherBatchOutput> {
  return {
    id: batch.id,
    name: batch.name,
    value: Number(batch.value),
    currency: batch.currency,
    expires_on: batch.expiresOn,
    count: batch.count,
    redeemed: batch.redeemed,
    voided: batch.voided,
    voided_at: batch.voidedAt?.toISOString() ?? null,
    created_at: batch.createdAt.toISOString(),
  };
}

function batchDetailJson(batch: BatchDetail): z.input<typeof voucherBatchDetailOutput> {
  return {
    ...batchJson(batch),
    cards: batch.cards.map((card) => ({
      id: card.id,
      code_tail: card.codeTail,
      status: card.status,
      redeemed_at: card.redeemedAt?.toISOString() ?? null,
      customer_id: card.redeemedById,
      invoice_id: card.invoiceId,
      voided_at: card.voidedAt?.toISOString() ?? null,
    })),
  };
}

export const createVoucherBatchRoute = defineRoute(
  {
    method: 'POST',
    path: '/voucher-batches',
    summary: 'Generate a batch of prepaid cards (value, currency, expiry, count ≤ 1000); the codes themselves come from GET …/codes',
    tag,
    permission: 'vouchers.manage',
    body: camelized(createVoucherBatchInput),
    response: voucherBatchDetailOutput,
    status: 201,
  },
  async ({ ctx, body }) => batchDetailJson(await generateVoucherBatch(ctx, body)),
);

export const listVoucherBatchesRoute = defineRoute(
  {
    method: 'GET',
    path: '/voucher-batches',
    summary: 'Prepaid card batches, newest first (the latest 200), with how many cards are redeemed and voided',
    tag,
    permission: 'vouchers.manage',
    response: voucherBatchListOutput,
  },
  async ({ ctx }) => ({ data: (await listVoucherBatches(ctx)).map(batchJson) }),
);

export const getVoucherBatchRoute = defineRoute(
  {
    method: 'GET',
    path: '/voucher-batches/{id}',
    summary: 'A batch with its cards (last four symbols and state; never the codes)',
    tag,
    permission: 'vouchers.manage',
    params: voucherBatchIdInput,
    response: voucherBatchDetailOutput,
  },
  async ({ ctx, params }) => batchDetailJson(await getVoucherBatch(ctx, params)),
);

export const voidVoucherBatchRoute = defineRoute(
  {
    method: 'POST',
    path: '/voucher-batches/{id}/void',
    summary: 'Void a batch: its cards not yet redeemed can no longer be (409 invalid_state when already void)',
    tag,
    permission: 'vouchers.manage',
    params: voucherBatchIdInput,
    response: voucherBatchDetailOutput,
  },
  async ({ ctx, params }) => batchDetailJson(await voidVoucherBatch(ctx, params)),
);

export const voucherBatchCodesRoute = defineRoute(
  {
    method: 'GET',
    path: '/voucher-batches/{id}/codes',
    summary: 'The batch’s codes as text/csv (code, value, currency, expires_on, status); every download is audited',
    tag,
    permission: 'vouchers.manage',
    params: voucherBatchIdInput,
    response: z.unknown(),
    raw: true,
  },
  async ({ ctx, params }) => {
    const { rows, filename } = await exportVoucherBatch(ctx, params);
    return csvResponse(rows, filename);
  },
);

export const voidVoucherRoute = defineRoute(
  {
    method: 'POST',
    path: '/vouchers/{id}/void',
    summary: 'Void one card not yet redeemed; answers its batch (409 invalid_state when redeemed or already void)',
    tag,
    permission: 'vouchers.manage',
    params: voucherIdInput,
    response: voucherBatchDetailOutput,
  },
  async ({ ctx, params }) => batchDetailJson(await voidVoucher(ctx, params)),
);

export const redeemVoucherRoute = defineRoute(
  {
    method: 'POST',
    path: '/customers/{id}/vouchers/redeem',
    summary:
      'Redeem a prepaid card for the customer: its value goes on the credit balance through a paid invoice (method prepaid_card). ' +
      'Unknown code 404; already redeemed 409 conflict; void, expired or another currency 409 invalid_state; refusals are throttled (429)',
    tag,
    permission: 'vouchers.manage',
    params: customerIdInput,
    body: redeemVoucherInput,
    response: redemptionOutput,
    status: 201,
  },
  async ({ ctx, params, body }) => {
    const redemption = await redeemVoucher(ctx, { customerId: params.id, code: body.code });
    return {
      voucher_id: redemption.voucherId,
      invoice_id: redemption.invoiceId,
      invoice_number: redemption.invoiceNumber,
      amount: Number(redemption.amount),
      currency: redemption.currency,
      credit_balance: Number(redemption.creditBalance),
    };
  },
);

export const topUpRoute = defineRoute(
  {
    method: 'POST',
    path: '/customers/{id}/top-ups',
    summary: 'Issue a pending top-up invoice (5 to 10,000 in the currency’s major unit); paying it in full adds its total to the credit balance',
    tag,
    permission: 'invoices.create',
    params: customerIdInput,
    body: topUpInput,
    response: topUpOutput,
    status: 201,
  },
  async ({ ctx, params, body }) => {
    const invoice = await startTopUp(ctx, { customerId: params.id, amount: body.amount });
    return { invoice_id: invoice.id, invoice_number: invoice.number!, amount: Number(invoice.total), currency: invoice.currency, status: invoice.status };
  },
);
