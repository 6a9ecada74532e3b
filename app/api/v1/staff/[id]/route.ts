import { setStaffPermissionsRoute } from '@/server/rest/routes/people';

export const PATCH = setStaffPermissionsRoute.handler;
