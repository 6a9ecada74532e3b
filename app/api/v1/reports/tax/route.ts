import { taxReportRoute } from '@/server/rest/routes/reports';

export const GET = taxReportRoute.handler;
