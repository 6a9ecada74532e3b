import { getOrderRoute, updateOrderRoute } from '@/server/rest/routes/orders';

export const GET = getOrderRoute.handler;
export const PATCH = updateOrderRoute.handler;
