import { createStaffRoute, listStaffRoute } from '@/server/rest/routes/people';

export const GET = listStaffRoute.handler;
export const POST = createStaffRoute.handler;
