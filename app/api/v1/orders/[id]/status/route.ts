import { changeOrderStatusRoute } from '@/server/rest/routes/orders';

export const POST = changeOrderStatusRoute.handler;
