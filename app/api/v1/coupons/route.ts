import { createCouponRoute } from '@/server/rest/routes/catalog';

export const POST = createCouponRoute.handler;
