import { consolidateRoute } from '@/server/rest/routes/orders';

export const POST = consolidateRoute.handler;
