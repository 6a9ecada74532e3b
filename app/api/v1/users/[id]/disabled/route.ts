import { setUserDisabledRoute } from '@/server/rest/routes/people';

export const POST = setUserDisabledRoute.handler;
