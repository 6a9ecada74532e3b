import { adjustCreditRoute } from '@/server/rest/routes/customers';

export const POST = adjustCreditRoute.handler;
