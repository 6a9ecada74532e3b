import { applyCreditRoute } from '@/server/rest/routes/invoices';

export const POST = applyCreditRoute.handler;
