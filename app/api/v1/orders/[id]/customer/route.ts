import { changeOrderCustomerRoute } from '@/server/rest/routes/order-desk';

export const POST = changeOrderCustomerRoute.handler;
