import { camelized } from '@/server/schemas/common';
import { taxReportQuery } from '@/server/schemas/reports';
import { exportTax } from '@/server/services/reports/export';
import { rangeCovered, reportExportRoute } from '../../export-route';

export const GET = reportExportRoute(
  camelized(taxReportQuery),
  exportTax,
  { title: 'Tax', file: (input) => `tax-${input.from}-${input.to}`, covers: rangeCovered },
  { ranged: true },
);
