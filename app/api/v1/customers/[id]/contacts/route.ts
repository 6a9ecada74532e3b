import { addCustomerContactRoute, listCustomerContactsRoute } from '@/server/rest/routes/customer-desk';

export const GET = listCustomerContactsRoute.handler;
export const POST = addCustomerContactRoute.handler;
