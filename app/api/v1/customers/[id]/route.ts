import { getCustomerRoute, updateCustomerRoute } from '@/server/rest/routes/customers';

export const GET = getCustomerRoute.handler;
export const PATCH = updateCustomerRoute.handler;
