import { createApiKeyRoute, listApiKeysRoute } from '@/server/rest/routes/people';

export const GET = listApiKeysRoute.handler;
export const POST = createApiKeyRoute.handler;
