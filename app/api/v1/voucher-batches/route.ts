import { createVoucherBatchRoute, listVoucherBatchesRoute } from '@/server/rest/routes/vouchers';

export const GET = listVoucherBatchesRoute.handler;
export const POST = createVoucherBatchRoute.handler;
