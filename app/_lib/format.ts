import type { InvoiceKind } from '@/server/billing/invoice-status';

// The consoles write days and moments in the settings' locale (consoleFormats, useFormats).
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'UTC' });
/** An instant's time of day, UTC: "00:04". */
export const formatTime = (value: Date) => timeFormat.format(value);

export type SearchParams = Record<string, string | string[] | undefined>;

/** A query string of the values that are set (an undefined one drops the parameter). */
export function queryString(values: Record<string, string | undefined>): string {
  return new URLSearchParams(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
}

/** "bank_transfer" → "bank transfer": enum values as the console writes them. */
export const humanize = (value: string) => value.replaceAll('_', ' ');

/** A document's kind as its page title names it. */
export const documentKindNames: Record<InvoiceKind, string> = {
  invoice: 'Invoice',
  proforma: 'Proforma',
  credit_note: 'Credit note',
  debit_note: 'Debit note',
};

/** A reseller as lists name it: disabled ones stay listed (their past rows remain), marked. */
export const resellerLabel = (reseller: { name: string; active: boolean }) => (reseller.active ? reseller.name : `${reseller.name} (disabled)`);
