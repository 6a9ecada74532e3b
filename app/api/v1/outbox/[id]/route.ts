import { getOutboxMessageRoute } from '@/server/rest/routes/admin-settings';

export const GET = getOutboxMessageRoute.handler;
