import type { z } from 'zod';
import { camelized } from '../../schemas/common';
import {
  agingReportInput,
  agingReportOutput,
  mrrReportInput,
  mrrReportOutput,
  resellerReportInput,
  resellerReportOutput,
  revenueReportInput,
  revenueReportOutput,
  taxReportInput,
  taxReportOutput,
} from '../../schemas/reports';
import { agingReport } from '../../services/reports/aging';
import { exportAging, exportMrr, exportResellers, exportRevenue, exportTax } from '../../services/reports/export';
import { mrrReport } from '../../services/reports/mrr';
import { resellerPerformanceReport } from '../../services/reports/resellers';
import { revenueReport } from '../../services/reports/revenue';
import { taxReport } from '../../services/reports/tax';
import { csvResponse } from '../csv';
import { defineRoute } from '../handler';

const common = 'in one currency (`currency`, required when the figures are in more than one); `format=csv` answers the data rows as CSV';

export const revenueReportRoute = defineRoute(
  {
    method: 'GET',
    path: '/reports/revenue',
    summary: `Invoiced, collected, refunded and net per day or month from \`from\` to \`to\` (inclusive), every period present, ${common}`,
    tag: 'Reports',
    permission: 'reports.view',
    query: camelized(revenueReportInput),
    response: revenueReportOutput,
  },
  async ({ ctx, query }) => {
    const { format, ...input } = query;
    if (format === 'csv') return csvResponse(await exportRevenue(ctx, input), `revenue-${input.from}-${input.to}.csv`);
    const report = await revenueReport(ctx, input);
    return {
      currency: report.currency,
      data: report.rows.map((r) => ({
        period: r.period,
        invoiced: Number(r.invoiced),
        collected: Number(r.collected),
        refunded: Number(r.refunded),
        net: Number(r.net),
      })),
    } satisfies z.input<typeof revenueReportOutput>;
  },
);

export const agingReportRoute = defineRoute(
  {
    method: 'GET',
    path: '/reports/aging',
    summary: `Open balances per customer by days past due at \`as_of\` (today by default): current, 1–30, 31–60, 61–90, over 90, with totals, ${common}`,
    tag: 'Reports',
    permission: 'reports.view',
    query: camelized(agingReportInput),
    response: agingReportOutput,
  },
  async ({ ctx, query }) => {
    const { format, ...input } = query;
    if (format === 'csv') return csvResponse(await exportAging(ctx, input), `aging-${input.asOf ?? 'today'}.csv`);
    const report = await agingReport(ctx, input);
    const figures = (b: (typeof report)['buckets']) => ({
      current: Number(b.current),
      days_1_30: Number(b.days_1_30),
      days_31_60: Number(b.days_31_60),
      days_61_90: Number(b.days_61_90),
      days_over_90: Number(b.days_over_90),
    });
    return {
      currency: report.currency,
      as_of: report.asOf,
      buckets: figures(report.buckets),
      data: report.rows.map((r) => ({ customer_id: r.customerId, customer_name: r.customerName, ...figures(r.buckets), total: Number(r.total) })),
    } satisfies z.input<typeof agingReportOutput>;
  },
);

export const mrrReportRoute = defineRoute(
  {
    method: 'GET',
    path: '/reports/mrr',
    summary: `MRR at the end of each month from \`from\` to \`to\` with its movements (new, expansion, contraction, churned), ${common}`,
    tag: 'Reports',
    permission: 'reports.view',
    query: camelized(mrrReportInput),
    response: mrrReportOutput,
  },
  async ({ ctx, query }) => {
    const { format, ...input } = query;
    if (format === 'csv') return csvResponse(await exportMrr(ctx, input), `mrr-${input.from}-${input.to}.csv`);
    const report = await mrrReport(ctx, input);
    return {
      currency: report.currency,
      data: report.rows.map((r) => ({
        period: r.period,
        mrr: Number(r.mrr),
        new: Number(r.new),
        expansion: Number(r.expansion),
        contraction: Number(r.contraction),
        churned: Number(r.churned),
      })),
    } satisfies z.input<typeof mrrReportOutput>;
  },
);

export const taxReportRoute = defineRoute(
  {
    method: 'GET',
    path: '/reports/tax',
    summary: `Taxable amount and tax per rate of the documents issued from \`from\` to \`to\` (inclusive), credit notes subtracted, ${common}`,
    tag: 'Reports',
    permission: 'reports.view',
    query: camelized(taxReportInput),
    response: taxReportOutput,
  },
  async ({ ctx, query }) => {
    const { format, ...input } = query;
    if (format === 'csv') return csvResponse(await exportTax(ctx, input), `tax-${input.from}-${input.to}.csv`);
    const report = await taxReport(ctx, input);
    return {
      currency: report.currency,
      data: report.rows.map((r) => ({ tax_rate: r.taxRate, taxable: Number(r.taxable), tax: Number(r.tax) })),
    } satisfies z.input<typeof taxReportOutput>;
  },
);

export const resellerReportRoute = defineRoute(
  {
    method: 'GET',
    path: '/reports/resellers',
    summary: `Per reseller (its own book; \`reseller_id\` null: the customers without a reseller) from \`from\` to \`to\` (inclusive): customers, new customers, billed, collected, collection rate, churned services and commission, by billed, ${common}`,
    tag: 'Reports',
    permission: 'reports.view',
    query: camelized(resellerReportInput),
    response: resellerReportOutput,
  },
  async ({ ctx, query }) => {
    const { format, ...input } = query;
    if (format === 'csv') return csvResponse(await exportResellers(ctx, input), `resellers-${input.from}-${input.to}.csv`);
    const report = await resellerPerformanceReport(ctx, input);
    return {
      currency: report.currency,
      data: report.rows.map((r) => ({
        reseller_id: r.resellerId,
        reseller_name: r.resellerName,
        customers: r.customers,
        new_customers: r.newCustomers,
        billed: Number(r.billed),
        collected: Number(r.collected),
        collection_rate: r.collectionRate,
        churned_services: r.churnedServices,
        commission: Number(r.commission),
      })),
    } satisfies z.input<typeof resellerReportOutput>;
  },
);
