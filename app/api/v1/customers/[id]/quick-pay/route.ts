import { quickPayRoute } from '@/server/rest/routes/customer-desk';

export const POST = quickPayRoute.handler;
