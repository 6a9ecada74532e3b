import { createCustomerRoute, listCustomersRoute } from '@/server/rest/routes/customers';

export const POST = createCustomerRoute.handler;
export const GET = listCustomersRoute.handler;
