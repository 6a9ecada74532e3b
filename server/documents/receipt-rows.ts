import { formatMoney } from '../billing/currency';
import type { CollectionReceipt } from '../services/collect/receipt';

// Pure, and free of react-pdf: the Collect page's success screen shows the same rows as the PDF.

const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** "7 Dec 2026, 14:05 UTC": when the cash changed hands, as the payment records it. */
export const receiptTime = (at: Date) => `${dateTime.format(at)} UTC`;

/** The rows a cash receipt prints, label and value, in order; the success screen shows the same. */
export function receiptRows(receipt: CollectionReceipt): Array<[string, string]> {
  return [
    ['Receipt no.', receipt.receiptNumber],
    ['Date', receiptTime(receipt.paidAt)],
    ['Customer', receipt.customer.name],
    ['Invoice', receipt.invoice.number],
    ['Amount paid', formatMoney(receipt.amount, receipt.currency)],
    ['Balance left', formatMoney(receipt.balanceLeft, receipt.currency)],
    ['Method', 'Cash (collector)'],
    ['Collected by', receipt.collector ?? '—'],
  ];
}
