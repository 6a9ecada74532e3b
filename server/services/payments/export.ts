import { formatMinor } from '@/server/billing/currency';
import type { ListPaymentsInput } from '@/server/schemas/money-lists';
import type { ServiceContext } from '@/server/services/context';
import { safeCell } from '@/server/services/spreadsheet';
import { eachPayment } from './list';

/** The filtered payments and refunds as CSV rows (header first), amounts as exact decimals. */
export async function exportPayments(ctx: ServiceContext, input: ListPaymentsInput): Promise<string[][]> {
  const rows = [
    [
      'id',
      'type',
      'date',
      'amount',
      'currency',
      'method',
      'reference',
      'provider',
      'provider_id',
      'invoice_id',
      'invoice_number',
      'customer_id',
      'customer',
      'recorded_by',
    ],
  ];
  for await (const p of eachPayment(ctx, input)) {
    rows.push([
      p.id,
      p.type,
      p.date.toISOString(),
      formatMinor(p.amount, p.currency),
      p.currency,
      p.method,
      safeCell(p.reference ?? ''),
      p.provider ?? '',
      safeCell(p.providerId ?? ''),
      p.invoiceId,
      p.invoiceNumber ?? '',
      p.customerId,
      safeCell(p.customerName),
      safeCell(p.recordedBy ?? ''),
    ]);
  }
  return rows;
}
