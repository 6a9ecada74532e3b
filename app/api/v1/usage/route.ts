import { listUsageRoute, reportUsageRoute } from '@/server/rest/routes/usage';

export const POST = reportUsageRoute.handler;
export const GET = listUsageRoute.handler;
