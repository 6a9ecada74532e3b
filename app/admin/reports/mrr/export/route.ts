import { camelized } from '@/server/schemas/common';
import { mrrReportQuery } from '@/server/schemas/reports';
import { exportMrr } from '@/server/services/reports/export';
import { rangeCovered, reportExportRoute } from '../../export-route';

export const GET = reportExportRoute(
  camelized(mrrReportQuery),
  exportMrr,
  { title: 'MRR', file: (input) => `mrr-${input.from}-${input.to}`, covers: rangeCovered },
  { ranged: true },
);
