import { camelized } from '../../schemas/common';
import { agingReportQuery, mrrReportQuery, resellerReportQuery, revenueReportQuery, taxReportQuery } from '../../schemas/reports';
import { agingReport } from '../../services/reports/aging';
import { mrrReport } from '../../services/reports/mrr';
import { resellerPerformanceReport } from '../../services/reports/resellers';
import { revenueReport } from '../../services/reports/revenue';
import { taxReport } from '../../services/reports/tax';
import { permissionProcedure, router } from '../trpc';

// The desk's reports (reports.view); the services refuse any actor outside the desk's scope.
export const reportsRouter = router({
  revenue: permissionProcedure('reports.view')
    .input(camelized(revenueReportQuery))
    .query(({ ctx, input }) => revenueReport(ctx.service, input)),
  aging: permissionProcedure('reports.view')
    .input(camelized(agingReportQuery))
    .query(({ ctx, input }) => agingReport(ctx.service, input)),
  mrr: permissionProcedure('reports.view')
    .input(camelized(mrrReportQuery))
    .query(({ ctx, input }) => mrrReport(ctx.service, input)),
  tax: permissionProcedure('reports.view')
    .input(camelized(taxReportQuery))
    .query(({ ctx, input }) => taxReport(ctx.service, input)),
  resellers: permissionProcedure('reports.view')
    .input(camelized(resellerReportQuery))
    .query(({ ctx, input }) => resellerPerformanceReport(ctx.service, input)),
});
