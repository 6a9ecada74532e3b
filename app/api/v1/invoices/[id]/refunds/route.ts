import { refundRoute } from '@/server/rest/routes/refunds';

export const POST = refundRoute.handler;
