import { listResellerApiKeysRoute } from '@/server/rest/routes/people';
import { issueResellerKeyRoute } from '@/server/rest/routes/resellers';

export const POST = issueResellerKeyRoute.handler;
export const GET = listResellerApiKeysRoute.handler;
