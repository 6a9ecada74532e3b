import { resellerReportRoute } from '@/server/rest/routes/reports';

export const GET = resellerReportRoute.handler;
