import { listServicesRoute } from '@/server/rest/routes/book-lists';

export const GET = listServicesRoute.handler;
