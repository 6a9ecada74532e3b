import { createCouponRoute, listCouponsRoute } from '@/server/rest/routes/catalog';

export const POST = createCouponRoute.handler;
export const GET = listCouponsRoute.handler;
