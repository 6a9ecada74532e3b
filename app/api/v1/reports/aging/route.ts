import { agingReportRoute } from '@/server/rest/routes/reports';

export const GET = agingReportRoute.handler;
