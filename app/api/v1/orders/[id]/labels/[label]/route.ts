import { removeOrderLabelRoute } from '@/server/rest/routes/order-desk';

export const DELETE = removeOrderLabelRoute.handler;
