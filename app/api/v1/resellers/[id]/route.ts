import { getResellerRoute, updateResellerRoute } from '@/server/rest/routes/resellers';

export const GET = getResellerRoute.handler;
export const PATCH = updateResellerRoute.handler;
