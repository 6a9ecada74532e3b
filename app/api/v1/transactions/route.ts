import { listTransactionsRoute } from '@/server/rest/routes/transactions';

export const GET = listTransactionsRoute.handler;
