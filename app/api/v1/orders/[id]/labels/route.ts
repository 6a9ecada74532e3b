import { addOrderLabelRoute } from '@/server/rest/routes/order-desk';

export const POST = addOrderLabelRoute.handler;
