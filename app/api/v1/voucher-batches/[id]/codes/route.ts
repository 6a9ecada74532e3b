import { voucherBatchCodesRoute } from '@/server/rest/routes/vouchers';

export const GET = voucherBatchCodesRoute.handler;
