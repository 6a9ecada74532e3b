import { formatMinor } from '@/server/billing/currency';
import { agingBucketKeys } from '@/server/billing/reports';
import type { AgingReportInput, MrrReportInput, ResellerReportInput, RevenueReportInput, TaxReportInput } from '@/server/schemas/reports';
import type { ServiceContext } from '@/server/services/context';
import { safeCell } from '@/server/services/spreadsheet';
import { agingReport } from './aging';
import { mrrReport } from './mrr';
import { resellerPerformanceReport } from './resellers';
import { revenueReport } from './revenue';
import { taxReport } from './tax';

// Each report as CSV rows, header first: the data rows under the API's field names, amounts as
// exact decimals of the report's currency (as the commissions and ledger exports write them),
// with the currency in its own column so a file read alone still says what the figures are.

export async function exportRevenue(ctx: ServiceContext, input: RevenueReportInput): Promise<string[][]> {
  const { currency, rows } = await revenueReport(ctx, input);
  const money = (amount: bigint) => formatMinor(amount, currency);
  return [
    ['period', 'currency', 'invoiced', 'collected', 'refunded', 'net'],
    ...rows.map((r) => [r.period, currency, money(r.invoiced), money(r.collected), money(r.refunded), money(r.net)]),
  ];
}

export async function exportAging(ctx: ServiceContext, input: AgingReportInput): Promise<string[][]> {
  const { currency, asOf, rows } = await agingReport(ctx, input);
  const money = (amount: bigint) => formatMinor(amount, currency);
  return [
    ['as_of', 'customer_id', 'customer_name', 'currency', ...agingBucketKeys, 'total'],
    ...rows.map((r) => [asOf, r.customerId, safeCell(r.customerName), currency, ...agingBucketKeys.map((key) => money(r.buckets[key])), money(r.total)]),
  ];
}

export async function exportMrr(ctx: ServiceContext, input: MrrReportInput): Promise<string[][]> {
  const { currency, rows } = await mrrReport(ctx, input);
  const money = (amount: bigint) => formatMinor(amount, currency);
  return [
    ['period', 'currency', 'mrr', 'new', 'expansion', 'contraction', 'churned'],
    ...rows.map((r) => [r.period, currency, money(r.mrr), money(r.new), money(r.expansion), money(r.contraction), money(r.churned)]),
  ];
}

export async function exportTax(ctx: ServiceContext, input: TaxReportInput): Promise<string[][]> {
  const { currency, rows } = await taxReport(ctx, input);
  const money = (amount: bigint) => formatMinor(amount, currency);
  return [['tax_rate', 'currency', 'taxable', 'tax'], ...rows.map((r) => [r.taxRate, currency, money(r.taxable), money(r.tax)])];
}

export async function exportResellers(ctx: ServiceContext, input: ResellerReportInput): Promise<string[][]> {
  const { currency, rows } = await resellerPerformanceReport(ctx, input);
  const money = (amount: bigint) => formatMinor(amount, currency);
  return [
    ['reseller_id', 'reseller_name', 'currency', 'customers', 'new_customers', 'billed', 'collected', 'collection_rate', 'churned_services', 'commission'],
    ...rows.map((r) => [
      r.resellerId ?? '',
      safeCell(r.resellerName),
      currency,
      String(r.customers),
      String(r.newCustomers),
      money(r.billed),
      money(r.collected),
      r.collectionRate ?? '',
      String(r.churnedServices),
      money(r.commission),
    ]),
  ];
}
