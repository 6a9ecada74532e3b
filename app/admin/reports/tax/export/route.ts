import { camelized } from '@/server/schemas/common';
import { taxReportQuery } from '@/server/schemas/reports';
import { exportTax } from '@/server/services/reports/export';
import { reportCsvRoute } from '../../csv-route';

export const GET = reportCsvRoute(camelized(taxReportQuery), exportTax, (input) => `tax-${input.from}-${input.to}.csv`, { ranged: true });
