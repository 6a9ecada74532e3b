import { reportUsageBatchRoute } from '@/server/rest/routes/usage';

export const POST = reportUsageBatchRoute.handler;
