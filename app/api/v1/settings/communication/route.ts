import { getCommunicationRoute, putCommunicationRoute } from '@/server/rest/routes/admin-settings';

export const GET = getCommunicationRoute.handler;
export const PUT = putCommunicationRoute.handler;
