import { formatMoney } from './billing/currency';
import { humanizeCode, paymentMethodLabel, permissionLabel, statusLabel } from './labels';

// An audit entry's before/after (and a job's output) as a person reads them: one line per field
// that changed, in words ("Status: Pending → Paid"), with the records they name linked. The
// entries are written by many use cases in their own shapes (camelCase or snake_case keys, ids,
// minor units), so this reads them by convention rather than by a schema per action.

export type ShownValue = { text: string; href?: string };
export type Change = { field: string; before?: ShownValue; after?: ShownValue };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoMoment = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const moneyKeys = /^(amount|total|price|unit_?price|balance|subtotal|tax_?total|setup_?fee|fee)$/i;

/** Console pages of the records an entry can name, by the kind of record or a key that holds its id. */
const pages: Array<[RegExp, string]> = [
  [/^(invoice|proforma|document|consolidated_?into|credit_?note|paid_?invoice|converted_?invoice)/i, 'invoices'],
  [/^order/i, 'orders'],
  [/^customer/i, 'customers'],
  [/^product/i, 'catalog'],
];

/** The console address of a record of this type (`invoice`, `order`…), when it has a page. */
export function recordHref(type: string, id: string, basePath = '/admin'): string | undefined {
  const page = pages.find(([pattern]) => pattern.test(type))?.[1];
  return page && uuid.test(id) ? `${basePath}/${page}/${id}` : undefined;
}

/** "paidInvoiceId" → "Paid invoice", "due_date" → "Due date". */
export const fieldLabel = (key: string) =>
  humanizeCode(
    key
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .replace(/_id$/, ''),
  );

const moment = (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC';

function show(key: string, value: unknown, currency: string | undefined): ShownValue {
  if (value === null || value === undefined || value === '') return { text: '—' };
  if (typeof value === 'boolean') return { text: value ? 'Yes' : 'No' };
  if (Array.isArray(value)) {
    if (key === 'permissions') return { text: value.map((p) => permissionLabel(String(p))).join(', ') || 'none' };
    return { text: value.every((v) => typeof v !== 'object') ? value.join(', ') : `${value.length} item${value.length === 1 ? '' : 's'}` };
  }
  if (typeof value === 'object') return { text: JSON.stringify(value) };
  const text = String(value);
  if (/status$/i.test(key)) return { text: statusLabel(text) };
  if (/(^|_)method$|Method$/.test(key)) return { text: paymentMethodLabel(text) };
  if (currency && moneyKeys.test(key) && /^-?\d+$/.test(text)) return { text: formatMoney(BigInt(text), currency) };
  if (uuid.test(text)) {
    const href = recordHref(key, text);
    return href ? { text: `Open ${fieldLabel(key).toLowerCase()}`, href } : { text: text.slice(0, 8) };
  }
  if (isoMoment.test(text) && !Number.isNaN(Date.parse(text))) return { text: moment(text) };
  return { text };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What changed between `before` and `after`: every field whose value differs, with both sides;
 * a field only one side has shows that side alone (what was set, or what was removed).
 */
export function changeList(before: unknown, after: unknown): Change[] {
  const was = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  const currency = [now.currency, was.currency].find((c): c is string => typeof c === 'string' && /^[A-Z]{3}$/.test(c));
  const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  return keys
    .filter((key) => JSON.stringify(was[key]) !== JSON.stringify(now[key]))
    .map((key) => ({
      field: fieldLabel(key),
      ...(key in was ? { before: show(key, was[key], currency) } : {}),
      ...(key in now ? { after: show(key, now[key], currency) } : {}),
    }));
}

/** A job's output ("invoicesCreated: 3") as readable facts. */
export const outputFacts = (output: unknown): Change[] => changeList(undefined, output);
