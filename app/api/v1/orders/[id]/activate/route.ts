import { activateOrderRoute } from '@/server/rest/routes/orders';

export const POST = activateOrderRoute.handler;
