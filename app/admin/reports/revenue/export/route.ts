import { camelized } from '@/server/schemas/common';
import { revenueReportQuery } from '@/server/schemas/reports';
import { exportRevenue } from '@/server/services/reports/export';
import { reportCsvRoute } from '../../csv-route';

export const GET = reportCsvRoute(camelized(revenueReportQuery), exportRevenue, (input) => `revenue-${input.from}-${input.to}.csv`, { ranged: true });
