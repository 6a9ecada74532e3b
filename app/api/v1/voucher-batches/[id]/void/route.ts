import { voidVoucherBatchRoute } from '@/server/rest/routes/vouchers';

export const POST = voidVoucherBatchRoute.handler;
