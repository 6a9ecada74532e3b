import { formatMinor } from '@/server/billing/currency';
import type { ListInvoicesInput } from '@/server/schemas/invoices';
import type { ServiceContext } from '@/server/services/context';
import { safeCell } from '@/server/services/spreadsheet';
import { eachInvoice } from './list';

/** The filtered invoices as CSV rows (header first), amounts as exact decimals. */
export async function exportInvoices(ctx: ServiceContext, input: ListInvoicesInput): Promise<string[][]> {
  const rows = [['number', 'kind', 'status', 'customer', 'email', 'currency', 'issue_date', 'due_date', 'paid_at', 'total', 'paid', 'balance']];
  for await (const invoice of eachInvoice(ctx, input)) {
    rows.push([
      invoice.number ?? '',
      invoice.kind,
      invoice.status,
      safeCell(invoice.customerName),
      safeCell(invoice.customerEmail),
      invoice.currency,
      invoice.issueDate,
      invoice.dueDate,
      invoice.paidAt?.toISOString() ?? '',
      formatMinor(invoice.total, invoice.currency),
      formatMinor(invoice.amountPaid, invoice.currency),
      formatMinor(invoice.balance, invoice.currency),
    ]);
  }
  return rows;
}
