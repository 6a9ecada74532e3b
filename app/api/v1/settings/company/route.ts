import { getCompanyRoute, patchCompanyRoute } from '@/server/rest/routes/admin-settings';

export const GET = getCompanyRoute.handler;
export const PATCH = patchCompanyRoute.handler;
