import { removeCustomerContactRoute } from '@/server/rest/routes/customer-desk';

export const DELETE = removeCustomerContactRoute.handler;
