import type { CollectionReceipt } from '../services/collect/receipt';
import { englishWords, type DocumentWords } from './words';

// Pure, and free of react-pdf: the Collect page's success screen (the console, in English) shows
// the same rows as the PDF (in the customer's language).

/** "7 Dec 2026, 14:05 UTC": when the cash changed hands, as the payment records it. */
export const receiptTime = (at: Date, w: DocumentWords = englishWords) => w.t('receipt.time', { moment: w.formats.moment(at) });

/** The rows a cash receipt prints, label and value, in order; the success screen shows the same. */
export function receiptRows(receipt: CollectionReceipt, w: DocumentWords = englishWords): Array<[string, string]> {
  const { t } = w;
  return [
    [t('receipt.number'), receipt.receiptNumber],
    [t('receipt.date'), receiptTime(receipt.paidAt, w)],
    [t('receipt.customer'), receipt.customer.name],
    [t('receipt.invoice'), receipt.invoice.number],
    [t('receipt.amountPaid'), w.formats.money(receipt.amount, receipt.currency)],
    [t('receipt.balanceLeft'), w.formats.money(receipt.balanceLeft, receipt.currency)],
    [t('receipt.method'), t('receipt.cashCollector')],
    [t('receipt.collectedBy'), receipt.collector ?? '—'],
  ];
}
