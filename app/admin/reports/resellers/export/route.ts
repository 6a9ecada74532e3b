import { camelized } from '@/server/schemas/common';
import { resellerReportQuery } from '@/server/schemas/reports';
import { exportResellers } from '@/server/services/reports/export';
import { reportCsvRoute } from '../../csv-route';

export const GET = reportCsvRoute(camelized(resellerReportQuery), exportResellers, (input) => `resellers-${input.from}-${input.to}.csv`, { ranged: true });
