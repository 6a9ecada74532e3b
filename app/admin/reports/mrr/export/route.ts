import { camelized } from '@/server/schemas/common';
import { mrrReportQuery } from '@/server/schemas/reports';
import { exportMrr } from '@/server/services/reports/export';
import { reportCsvRoute } from '../../csv-route';

export const GET = reportCsvRoute(camelized(mrrReportQuery), exportMrr, (input) => `mrr-${input.from}-${input.to}.csv`, { ranged: true });
