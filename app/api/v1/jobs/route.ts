import { listJobsRoute } from '@/server/rest/routes/orders';

export const GET = listJobsRoute.handler;
