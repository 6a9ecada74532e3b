import { camelized } from '@/server/schemas/common';
import { agingReportQuery } from '@/server/schemas/reports';
import { exportAging } from '@/server/services/reports/export';
import { reportExportRoute } from '../../export-route';

export const GET = reportExportRoute(
  camelized(agingReportQuery),
  exportAging,
  { title: 'Receivables aging', file: (input, today) => `aging-${input.asOf ?? today}`, covers: (input, today) => `As of ${input.asOf ?? today}` },
  { ranged: false },
);
