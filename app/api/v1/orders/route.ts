import { listOrdersRoute, placeOrderRoute } from '@/server/rest/routes/orders';

export const POST = placeOrderRoute.handler;
export const GET = listOrdersRoute.handler;
