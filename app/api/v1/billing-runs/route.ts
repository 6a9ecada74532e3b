import { billingRunRoute } from '@/server/rest/routes/orders';

export const POST = billingRunRoute.handler;
