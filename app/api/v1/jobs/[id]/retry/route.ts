import { retryJobRoute } from '@/server/rest/routes/admin-settings';

export const POST = retryJobRoute.handler;
