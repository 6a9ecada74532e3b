import { createResellerRoute, listResellersRoute } from '@/server/rest/routes/resellers';

export const POST = createResellerRoute.handler;
export const GET = listResellersRoute.handler;
