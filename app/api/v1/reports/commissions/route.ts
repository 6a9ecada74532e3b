import { commissionsReportRoute } from '@/server/rest/routes/commissions';

export const GET = commissionsReportRoute.handler;
