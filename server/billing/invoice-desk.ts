import { balanceOf, invoiceTransition, isAwaitingPayment, type InvoiceFacts, type Outcome } from './invoice-status';

/**
 * The statuses a clerk may set by hand (Commerce's "change the status manually"). None of them
 * moves money: paid and refunded come only from payments and refunds, partial only back from
 * overdue, and draft → pending is Finalize (it assigns the number).
 */
export const manualStatuses = ['pending', 'partial', 'overdue', 'cancelled'] as const;
export type ManualStatus = (typeof manualStatuses)[number];

export type DeskFacts = InvoiceFacts & {
  /** YYYY-MM-DD */
  dueDate: string;
};

// The overdue sweep (markOverdueInvoices) looks at invoices and debit notes only.
const sweptKinds: ReadonlySet<InvoiceFacts['kind']> = new Set(['invoice', 'debit_note']);

/**
 * Whether the invoice may be set to `to` by hand on `today` (YYYY-MM-DD, the schedules' clock):
 * - pending or partial → overdue: the state machine's mark_overdue, early if the desk says so
 *   (dunning's suspensions still count from the due date);
 * - overdue → pending (partial once money was received): only while the due date is today or
 *   later, else the next overdue sweep would undo it; move the due date first;
 * - → cancelled: the state machine's cancel (nothing received), as Cancel invoice does.
 */
export function manualStatusChange(invoice: DeskFacts, to: ManualStatus, today: string): Outcome<ManualStatus> {
  if (to === 'cancelled') {
    const next = invoiceTransition(invoice, 'cancel');
    return next.ok ? { ok: true, value: 'cancelled' } : next;
  }
  if (!sweptKinds.has(invoice.kind)) return refuse(`A ${invoice.kind.replace('_', ' ')} is never overdue; only its cancellation can be set by hand`);
  if (to === 'overdue') {
    const next = invoiceTransition(invoice, 'mark_overdue');
    return next.ok ? { ok: true, value: 'overdue' } : next;
  }
  if (invoice.status !== 'overdue') return refuse(`A ${invoice.status} invoice cannot be set to ${to} by hand`);
  const back: ManualStatus = invoice.amountPaid > 0n ? 'partial' : 'pending';
  if (to !== back) return refuse(`An overdue invoice ${invoice.amountPaid > 0n ? 'with' : 'without'} money received goes back to ${back}, not ${to}`);
  if (invoice.dueDate < today)
    return refuse(`Its due date (${invoice.dueDate}) has passed: move the due date first, or the overdue sweep marks it overdue again`);
  return { ok: true, value: back };
}

/** The statuses the desk's Change status offers for the invoice today. */
export function manualStatusTargets(invoice: DeskFacts, today: string): ManualStatus[] {
  return manualStatuses.filter((to) => to !== invoice.status && manualStatusChange(invoice, to, today).ok);
}

/** A reminder asks for money still owed, so only an issued document awaiting payment gets one. */
export function canRemind(invoice: Pick<InvoiceFacts, 'kind' | 'status' | 'total' | 'amountPaid' | 'amountRefunded' | 'amountCredited'>): boolean {
  return invoice.kind !== 'credit_note' && isAwaitingPayment(invoice.status) && balanceOf(invoice) > 0n;
}

const refuse = (message: string): Outcome<never> => ({ ok: false, code: 'invalid_state', message });
