import { issueResellerKeyRoute } from '@/server/rest/routes/resellers';

export const POST = issueResellerKeyRoute.handler;
