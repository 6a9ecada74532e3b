import { getCommunicationRulesRoute, putCommunicationRulesRoute } from '@/server/rest/routes/admin-settings';

export const GET = getCommunicationRulesRoute.handler;
export const PUT = putCommunicationRulesRoute.handler;
