import { voidVoucherRoute } from '@/server/rest/routes/vouchers';

export const POST = voidVoucherRoute.handler;
