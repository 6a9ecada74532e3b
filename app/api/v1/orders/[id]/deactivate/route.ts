import { deactivateOrderRoute } from '@/server/rest/routes/orders';

export const POST = deactivateOrderRoute.handler;
