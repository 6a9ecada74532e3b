import { mrrReportRoute } from '@/server/rest/routes/reports';

export const GET = mrrReportRoute.handler;
