import { z } from 'zod';
import { isPlainDate } from '../billing/periods';
import { maxReportPeriods, periodCount, reportIntervals, type ReportInterval } from '../billing/reports';
import { currencyCode, type DomainInput } from './common';

const reportDate = z.string({ error: 'is required' }).trim().refine(isPlainDate, 'must be a date like 2026-01-31');
const format = z.enum(['json', 'csv']).default('json');
// Optional: a range in one currency needs none; the service asks for it when there are several.
const currency = z.preprocess((v) => (v === '' ? undefined : v), currencyCode.optional());

/** `to` not before `from`, and, for a report by period, not more periods than one answer holds; both on `to`. */
const checkedRange = <S extends z.ZodType<{ from: string; to: string }>>(schema: S, interval: (value: z.output<S>) => ReportInterval | null) =>
  schema
    .refine((range) => range.from <= range.to, { message: 'must not be before from', path: ['to'] })
    // Zod runs these even when a date failed its own check, so a bad date must not reach periodCount.
    .refine(
      (range) =>
        !isPlainDate(range.from) ||
        !isPlainDate(range.to) ||
        range.from > range.to ||
        interval(range) === null ||
        periodCount(range.from, range.to, interval(range)!) <= maxReportPeriods,
      {
        message: `must be at most ${maxReportPeriods} periods after from`,
        path: ['to'],
      },
    );

// Each report's query (what the console's procedure takes and the service receives) and its
// REST input, the same with `format`.
const withFormat = { format };

const revenueReportFields = z.object({ from: reportDate, to: reportDate, interval: z.enum(reportIntervals).default('month'), currency });
export const revenueReportQuery = checkedRange(revenueReportFields, (r) => r.interval);
export const revenueReportInput = checkedRange(revenueReportFields.extend(withFormat), (r) => r.interval);
export type RevenueReportInput = DomainInput<typeof revenueReportQuery>;

const mrrReportFields = z.object({ from: reportDate, to: reportDate, interval: z.literal('month', { error: 'must be month' }).default('month'), currency });
export const mrrReportQuery = checkedRange(mrrReportFields, () => 'month');
export const mrrReportInput = checkedRange(mrrReportFields.extend(withFormat), () => 'month');
// Months are the only interval: the edge checks it, the service has nothing to choose.
export type MrrReportInput = Omit<DomainInput<typeof mrrReportQuery>, 'interval'>;

const taxReportFields = z.object({ from: reportDate, to: reportDate, currency });
export const taxReportQuery = checkedRange(taxReportFields, () => null);
export const taxReportInput = checkedRange(taxReportFields.extend(withFormat), () => null);
export type TaxReportInput = DomainInput<typeof taxReportQuery>;

const resellerReportFields = z.object({ from: reportDate, to: reportDate, currency });
export const resellerReportQuery = checkedRange(resellerReportFields, () => null);
export const resellerReportInput = checkedRange(resellerReportFields.extend(withFormat), () => null);
export type ResellerReportInput = DomainInput<typeof resellerReportQuery>;

// Aging is a picture at one date (today by default), not a range.
export const agingReportQuery = z.object({ as_of: reportDate.optional(), currency });
export const agingReportInput = agingReportQuery.extend(withFormat);
export type AgingReportInput = DomainInput<typeof agingReportQuery>;

const minor = z.number().int();

export const revenueReportOutput = z.object({
  currency: z.string(),
  data: z.array(
    z.object({
      period: z.string().describe('YYYY-MM for a month, YYYY-MM-DD for a day'),
      invoiced: minor,
      collected: minor,
      refunded: minor,
      net: minor.describe('collected − refunded'),
    }),
  ),
});

const agingFigures = { current: minor, days_1_30: minor, days_31_60: minor, days_61_90: minor, days_over_90: minor };

export const agingReportOutput = z.object({
  currency: z.string(),
  as_of: z.string(),
  buckets: z.object(agingFigures),
  data: z.array(z.object({ customer_id: z.string(), customer_name: z.string(), ...agingFigures, total: minor })),
});

export const mrrReportOutput = z.object({
  currency: z.string(),
  data: z.array(
    z.object({
      period: z.string().describe('YYYY-MM; figures at the end of that month (or at `to`, when it ends sooner)'),
      mrr: minor,
      new: minor,
      expansion: minor,
      contraction: minor.describe('a decrease, as a positive amount'),
      churned: minor.describe('a decrease, as a positive amount'),
    }),
  ),
});

export const taxReportOutput = z.object({
  currency: z.string(),
  data: z.array(z.object({ tax_rate: z.string().describe('a percent as a decimal string, e.g. "7.5"'), taxable: minor, tax: minor })),
});

export const resellerReportOutput = z.object({
  currency: z.string(),
  data: z.array(
    z.object({
      reseller_id: z.string().nullable().describe('null: the customers without a reseller (reseller_name "Direct")'),
      reseller_name: z.string(),
      customers: z.number().int().describe('its customers in the currency created by the end of `to`'),
      new_customers: z.number().int().describe('of those, created in the range'),
      billed: minor.describe('invoices and debit notes issued in the range less credit notes, as revenue’s invoiced'),
      collected: minor.describe('payments in the range on its customers’ invoices'),
      collection_rate: z.string().nullable().describe('collected ÷ billed as a percent to one decimal, e.g. "62.5"; null when nothing was billed'),
      churned_services: z.number().int().describe('recurring services that ended (cancelled or terminated) in the range'),
      commission: minor.describe('commission_earned of the commissions report for the same range and currency'),
    }),
  ),
});
