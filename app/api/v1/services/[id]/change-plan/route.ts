import { changePlanRoute } from '@/server/rest/routes/orders';

export const POST = changePlanRoute.handler;
