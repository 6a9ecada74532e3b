import { redeemVoucherRoute } from '@/server/rest/routes/vouchers';

export const POST = redeemVoucherRoute.handler;
