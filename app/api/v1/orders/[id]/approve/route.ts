import { approveOrderRoute } from '@/server/rest/routes/orders';

export const POST = approveOrderRoute.handler;
