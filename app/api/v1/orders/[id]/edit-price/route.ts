import { editOrderPriceRoute } from '@/server/rest/routes/order-desk';

export const POST = editOrderPriceRoute.handler;
