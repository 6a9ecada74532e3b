import { payCommissionRoute } from '@/server/rest/routes/commissions';

export const POST = payCommissionRoute.handler;
