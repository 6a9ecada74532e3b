import { getVoucherBatchRoute } from '@/server/rest/routes/vouchers';

export const GET = getVoucherBatchRoute.handler;
