import { formatMoney } from './currency';

export const invoiceKinds = ['invoice', 'proforma', 'credit_note', 'debit_note'] as const;
export type InvoiceKind = (typeof invoiceKinds)[number];

export const invoiceStatuses = ['draft', 'pending', 'partial', 'paid', 'overdue', 'cancelled', 'refunded'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];
/** Finalized and not yet settled: what reminders, reconciliation and consolidation look at. */
export const awaitingPayment = ['pending', 'partial', 'overdue'] as const satisfies readonly InvoiceStatus[];
/** Finalized and not undone: what a credit or debit note may correct. */
export const correctableStatuses = ['pending', 'partial', 'paid', 'overdue'] as const satisfies readonly InvoiceStatus[];

/** Finalized: numbered, with a public link, sendable and shown to its customer; a draft is the desk's alone. */
export const isIssued = (status: InvoiceStatus): boolean => status !== 'draft';

export const isAwaitingPayment = (status: InvoiceStatus): boolean => (awaitingPayment as readonly InvoiceStatus[]).includes(status);

export const invoiceEvents = ['finalize', 'edit', 'pay_partial', 'pay_full', 'mark_overdue', 'cancel', 'consolidate', 'refund_full'] as const;
export type InvoiceEvent = (typeof invoiceEvents)[number];

// DESIGN.md §3. What is not listed is forbidden; cancelled and refunded are final.
const transitions: Record<InvoiceStatus, Partial<Record<InvoiceEvent, InvoiceStatus>>> = {
  draft: { finalize: 'pending', edit: 'draft', cancel: 'cancelled' },
  pending: { edit: 'pending', pay_partial: 'partial', pay_full: 'paid', mark_overdue: 'overdue', cancel: 'cancelled', consolidate: 'cancelled' },
  // Consolidation cancels a partly paid source too: its payment stays on it and the parent
  // carries a negative line for it.
  partial: { pay_partial: 'partial', pay_full: 'paid', mark_overdue: 'overdue', consolidate: 'cancelled', refund_full: 'refunded' },
  // An overdue invoice stays overdue until it is paid in full: a part payment does not make it
  // any less late.
  overdue: { edit: 'overdue', pay_partial: 'overdue', pay_full: 'paid', cancel: 'cancelled', consolidate: 'cancelled', refund_full: 'refunded' },
  paid: { refund_full: 'refunded' },
  cancelled: {},
  refunded: {},
};

export type InvoiceMoney = {
  status: InvoiceStatus;
  /** The currency its amounts are in: refusals name amounts as money in it. */
  currency: string;
  total: bigint;
  amountPaid: bigint;
  amountRefunded: bigint;
  /** What credit notes against the invoice put on the customer's credit balance. */
  amountCredited: bigint;
};

/** A refusal's `fields` say which input field it is about, for the form to show it there. */
export type Outcome<T> =
  { ok: true; value: T } | { ok: false; code: 'invalid_state' | 'conflict' | 'validation'; message: string; fields?: Record<string, string> };

const refuse = (code: 'invalid_state' | 'conflict' | 'validation', message: string, fields?: Record<string, string>): Outcome<never> => ({
  ok: false,
  code,
  message,
  ...(fields ? { fields } : {}),
});

/** What is still owed: nothing on a cancelled, refunded or draft document. */
export function balanceOf(invoice: Omit<InvoiceMoney, 'currency'>): bigint {
  if (invoice.status === 'cancelled' || invoice.status === 'refunded' || invoice.status === 'draft') return 0n;
  return invoice.total - invoice.amountPaid;
}

const moneyReceived = (invoice: InvoiceMoney): boolean => invoice.amountPaid > 0n;

/** The status an event leads to, or a refusal; money-bearing guards included. */
export function invoiceTransition(invoice: InvoiceMoney, event: InvoiceEvent): Outcome<InvoiceStatus> {
  const next = transitions[invoice.status][event];
  if (!next) return refuse('invalid_state', `A ${invoice.status} invoice cannot ${event.replace('_', ' ')}`);
  if ((event === 'cancel' || event === 'edit') && moneyReceived(invoice)) {
    return refuse('invalid_state', `An invoice with money received cannot ${event}; issue a credit note instead`);
  }
  if (event === 'refund_full' && invoice.amountPaid <= 0n) return refuse('invalid_state', 'Nothing was paid on this invoice');
  return { ok: true, value: next };
}

/** A payment of `amount` on the invoice: the new status and amount paid, or why not. */
export function applyPayment(invoice: InvoiceMoney, amount: bigint): Outcome<{ status: InvoiceStatus; amountPaid: bigint }> {
  if (amount <= 0n) return refuse('validation', 'A payment must be greater than zero', { amount: 'must be greater than 0' });
  const balance = balanceOf(invoice);
  const event = amount >= balance ? 'pay_full' : 'pay_partial';
  const status = invoiceTransition(invoice, event);
  if (!status.ok) return status;
  if (amount > balance) {
    const owed = formatMoney(balance, invoice.currency);
    return refuse('conflict', `The payment exceeds the balance of ${owed}`, { amount: `must be at most the balance of ${owed}` });
  }
  return { ok: true, value: { status: status.value, amountPaid: invoice.amountPaid + amount } };
}

/**
 * What the invoice may still give back, by refund or by a credit note onto the credit balance:
 * what it took in less what it already gave back (DESIGN.md §10). A credit note's settlement of
 * the invoice's own balance counts as taken in and as credited, so it nets out.
 */
export function returnableOf(invoice: InvoiceMoney): bigint {
  return invoice.amountPaid - invoice.amountRefunded - invoice.amountCredited;
}

/**
 * How a credit note of `amount` lands: it first settles what is still open on the invoice, and
 * the rest goes onto the credit balance — which only money the invoice took in may fund, else a
 * credit note after a refund (or a refund after a credit note) would give the same money back twice.
 */
export function creditNoteSplit(invoice: InvoiceMoney, amount: bigint): Outcome<{ settles: bigint; toBalance: bigint }> {
  if (amount <= 0n) return refuse('validation', 'A credit note must be greater than zero');
  const open = balanceOf(invoice);
  const settles = amount < open ? amount : open;
  const toBalance = amount - settles;
  const returnable = returnableOf(invoice);
  if (toBalance > returnable) {
    const money = (value: bigint) => formatMoney(value, invoice.currency);
    return refuse(
      'conflict',
      `At most ${money(open + returnable)} can be credited: ${money(open)} still open and ${money(returnable)} received and not yet given back`,
      { items: `add up to more than the ${money(open + returnable)} the invoice can still give back` },
    );
  }
  return { ok: true, value: { settles, toBalance } };
}

/** Whether a refund of `amount` gives back everything the invoice took (then it is `refunded`). */
export function refundsEverything(invoice: InvoiceMoney, amount: bigint): boolean {
  return invoice.amountPaid === invoice.total && returnableOf(invoice) === amount && invoice.amountCredited === 0n;
}

export function canTransition(from: InvoiceStatus, event: InvoiceEvent): boolean {
  return transitions[from][event] !== undefined;
}

/** What the desk's actions need to know of an invoice beyond its money. */
export type InvoiceFacts = InvoiceMoney & { kind: InvoiceKind; consolidatedIntoId: string | null };

/** Whether a credit or debit note may correct the invoice (only invoices are corrected, not notes or proformas). */
export function canCorrect(invoice: Pick<InvoiceFacts, 'kind' | 'status'>): boolean {
  return invoice.kind === 'invoice' && (correctableStatuses as readonly InvoiceStatus[]).includes(invoice.status);
}

/** Why nothing on the invoice can be refunded, or null when something can. */
export function refundRefusal(invoice: InvoiceFacts): string | null {
  // Its parent carries what was paid here as an "already paid" line; refunding here too would
  // give the same money back twice.
  if (invoice.consolidatedIntoId) return 'This invoice was merged into another; refund through the invoice it was merged into';
  // A credit note is itself money given back (onto the customer's balance); nobody paid it.
  if (invoice.kind === 'credit_note') return 'A credit note is not refunded; its amount is already the customer’s credit';
  if (invoice.status === 'refunded' || returnableOf(invoice) <= 0n) return 'Nothing on this invoice is left to refund';
  return null;
}

/**
 * Whether the document may be deleted (softly: it leaves the lists, the row stays): only a draft
 * or a cancelled document that never took money and was not merged into another.
 */
export function canDelete(invoice: InvoiceFacts): boolean {
  return (invoice.status === 'draft' || invoice.status === 'cancelled') && !moneyReceived(invoice) && invoice.consolidatedIntoId === null;
}

/**
 * Whether an order's first invoice gives way to a proforma asked for before paying it
 * (docs/documents.md): issued, nothing received on it, not merged into another.
 */
export function replaceableByProforma(invoice: InvoiceFacts): boolean {
  return (
    invoice.kind === 'invoice' &&
    (invoice.status === 'pending' || invoice.status === 'overdue') &&
    !moneyReceived(invoice) &&
    invoice.consolidatedIntoId === null
  );
}

export type InvoiceActions = {
  finalize: boolean;
  edit: boolean;
  /** Add a payment, or mark it paid (one payment of the whole balance). */
  recordPayment: boolean;
  /** A credit or debit note against it. */
  correct: boolean;
  refund: boolean;
  cancel: boolean;
  delete: boolean;
  send: boolean;
  regenerateLink: boolean;
  /** Money was received: it is corrected with credit or debit notes, never edited or cancelled. */
  locked: boolean;
};

/** The actions the invoice's state allows: the same rules the services apply when asked. */
export function invoiceActions(invoice: InvoiceFacts): InvoiceActions {
  const issued = isIssued(invoice.status);
  return {
    finalize: invoiceTransition(invoice, 'finalize').ok,
    edit: invoiceTransition(invoice, 'edit').ok,
    recordPayment: applyPayment(invoice, balanceOf(invoice)).ok,
    correct: canCorrect(invoice),
    refund: refundRefusal(invoice) === null,
    cancel: invoiceTransition(invoice, 'cancel').ok,
    delete: canDelete(invoice),
    send: issued,
    regenerateLink: issued,
    locked: moneyReceived(invoice),
  };
}
