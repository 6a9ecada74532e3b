import { camelized } from '../../schemas/common';
import { createVoucherBatchInput, voucherBatchIdInput, voucherIdInput } from '../../schemas/vouchers';
import { generateVoucherBatch } from '../../services/vouchers/generate-batch';
import { getVoucherBatch, listVoucherBatches, voucherBatchCodes } from '../../services/vouchers/read';
import { voidVoucher, voidVoucherBatch } from '../../services/vouchers/void';
import { permissionProcedure, router } from '../trpc';

/** Prepaid card batches at the desk (Billing → Prepaid cards); the services check vouchers.manage too. */
export const vouchersRouter = router({
  batches: permissionProcedure('vouchers.manage').query(({ ctx }) => listVoucherBatches(ctx.service)),
  batch: permissionProcedure('vouchers.manage')
    .input(voucherBatchIdInput)
    .query(({ ctx, input }) => getVoucherBatch(ctx.service, input)),
  /** The codes in the clear, for the printable sheet; every opening is audited. */
  sheet: permissionProcedure('vouchers.manage')
    .input(voucherBatchIdInput)
    .query(({ ctx, input }) => voucherBatchCodes(ctx.service, { id: input.id, purpose: 'sheet' })),
  createBatch: permissionProcedure('vouchers.manage')
    .input(camelized(createVoucherBatchInput))
    .mutation(({ ctx, input }) => generateVoucherBatch(ctx.service, input)),
  voidBatch: permissionProcedure('vouchers.manage')
    .input(voucherBatchIdInput)
    .mutation(({ ctx, input }) => voidVoucherBatch(ctx.service, input)),
  voidCard: permissionProcedure('vouchers.manage')
    .input(voucherIdInput)
    .mutation(({ ctx, input }) => voidVoucher(ctx.service, input)),
});
