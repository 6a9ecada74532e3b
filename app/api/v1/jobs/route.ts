import { listJobsRoute } from '@/server/rest/routes/billing-runs';

export const GET = listJobsRoute.handler;
