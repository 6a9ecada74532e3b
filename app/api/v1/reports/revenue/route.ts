import { revenueReportRoute } from '@/server/rest/routes/reports';

export const GET = revenueReportRoute.handler;
