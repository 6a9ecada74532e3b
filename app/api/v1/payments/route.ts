import { listPaymentsRoute } from '@/server/rest/routes/book-lists';

export const GET = listPaymentsRoute.handler;
