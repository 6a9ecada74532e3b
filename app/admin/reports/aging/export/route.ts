import { camelized } from '@/server/schemas/common';
import { agingReportQuery } from '@/server/schemas/reports';
import { exportAging } from '@/server/services/reports/export';
import { reportCsvRoute } from '../../csv-route';

export const GET = reportCsvRoute(camelized(agingReportQuery), exportAging, (input, today) => `aging-${input.asOf ?? today}.csv`, { ranged: false });
