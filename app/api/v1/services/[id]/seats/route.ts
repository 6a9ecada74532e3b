import { changeSeatsRoute } from '@/server/rest/routes/orders';

export const POST = changeSeatsRoute.handler;
