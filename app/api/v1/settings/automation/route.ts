import { getAutomationRoute, patchAutomationRoute } from '@/server/rest/routes/admin-settings';

export const GET = getAutomationRoute.handler;
export const PATCH = patchAutomationRoute.handler;
