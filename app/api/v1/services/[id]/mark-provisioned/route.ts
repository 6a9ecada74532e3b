import { markServiceProvisionedRoute } from '@/server/rest/routes/order-desk';

export const POST = markServiceProvisionedRoute.handler;
