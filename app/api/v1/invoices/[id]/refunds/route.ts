import { refundRoute } from '@/server/rest/routes/orders';

export const POST = refundRoute.handler;
