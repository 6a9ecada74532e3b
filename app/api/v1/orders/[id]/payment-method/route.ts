import { changeOrderPaymentMethodRoute } from '@/server/rest/routes/order-desk';

export const POST = changeOrderPaymentMethodRoute.handler;
