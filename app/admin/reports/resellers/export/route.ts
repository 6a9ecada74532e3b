import { camelized } from '@/server/schemas/common';
import { resellerReportQuery } from '@/server/schemas/reports';
import { exportResellers } from '@/server/services/reports/export';
import { rangeCovered, reportExportRoute } from '../../export-route';

export const GET = reportExportRoute(
  camelized(resellerReportQuery),
  exportResellers,
  { title: 'Reseller performance', file: (input) => `resellers-${input.from}-${input.to}`, covers: rangeCovered },
  { ranged: true },
);
