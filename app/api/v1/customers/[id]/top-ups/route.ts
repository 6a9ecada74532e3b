import { topUpRoute } from '@/server/rest/routes/vouchers';

export const POST = topUpRoute.handler;
