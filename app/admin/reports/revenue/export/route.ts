import { camelized } from '@/server/schemas/common';
import { revenueReportQuery } from '@/server/schemas/reports';
import { exportRevenue } from '@/server/services/reports/export';
import { rangeCovered, reportExportRoute } from '../../export-route';

export const GET = reportExportRoute(
  camelized(revenueReportQuery),
  exportRevenue,
  { title: 'Revenue', file: (input) => `revenue-${input.from}-${input.to}`, covers: rangeCovered },
  { ranged: true },
);
