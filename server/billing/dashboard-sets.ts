import { awaitingPayment, type InvoiceStatus } from './invoice-status';
import { addDays, type PlainDate } from './periods';

/** A set of invoices as the invoice list's filters select it (`?status=…&date_field=…&from=…&to=…`). */
export type InvoiceSet = { status: InvoiceStatus[]; dateField?: 'issue' | 'due'; from?: PlainDate; to?: PlainDate };

/** A set of payments by the day they were paid, as the payments list selects it (`?from=…&to=…`). */
export type PaymentSet = { from: PlainDate; to: PlainDate };

/** How far back the dashboard's Recent payments reaches, today included. */
export const recentPaymentDays = 30;

/**
 * What each dashboard card counts, as list filters: the card's figures and its View all link are
 * both built from this, so the list a card opens holds exactly what the card counted.
 */
export function dashboardSets(today: PlainDate) {
  return {
    unpaid: { status: [...awaitingPayment] } satisfies InvoiceSet,
    overdue: { status: ['overdue'] } satisfies InvoiceSet,
    dueSoon: { status: ['pending', 'partial'], dateField: 'due', from: today, to: addDays(today, 7) } satisfies InvoiceSet,
    payments: { from: addDays(today, 1 - recentPaymentDays), to: today } satisfies PaymentSet,
  };
}

/** The invoice list's query string for a set. */
export function invoiceSetQuery(set: InvoiceSet): string {
  const params = new URLSearchParams({ status: set.status.join(',') });
  if (set.dateField && set.dateField !== 'issue') params.set('date_field', set.dateField);
  if (set.from) params.set('from', set.from);
  if (set.to) params.set('to', set.to);
  return params.toString().replaceAll('%2C', ',');
}

/** The payments list's query string for a set. */
export const paymentSetQuery = (set: PaymentSet): string => new URLSearchParams({ from: set.from, to: set.to }).toString();
