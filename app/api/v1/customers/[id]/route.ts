import { getCustomerRoute } from '@/server/rest/routes/customers';

export const GET = getCustomerRoute.handler;
