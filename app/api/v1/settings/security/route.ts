import { getSecurityRoute, patchSecurityRoute } from '@/server/rest/routes/admin-settings';

export const GET = getSecurityRoute.handler;
export const PATCH = patchSecurityRoute.handler;
