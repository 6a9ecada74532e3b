import { getOrderRoute } from '@/server/rest/routes/orders';

export const GET = getOrderRoute.handler;
