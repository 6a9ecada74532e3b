import { listOutboxRoute } from '@/server/rest/routes/admin-settings';

export const GET = listOutboxRoute.handler;
