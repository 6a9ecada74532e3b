import type { InvoiceKind, InvoiceStatus } from './invoice-status';

export type OrderDocument = { kind: InvoiceKind; status: InvoiceStatus; amountPaid: bigint; deleted: boolean };

/**
 * What happens to one of an order's documents when the order moves to another customer profile.
 * Unpaid open documents (drafts, pending, overdue, with nothing paid) are owed for the order, so
 * they go with it. Settled history stays with the profile that paid or was credited: paid,
 * refunded and cancelled documents, credit notes, deleted ones. A document partly paid can do
 * neither — moving it would move the old profile's payment, leaving it would bill the old profile
 * for an order that is no longer its — so it blocks the change until it is settled or cancelled.
 */
export function onCustomerChange(document: OrderDocument): 'move' | 'stay' | 'blocks' {
  if (document.deleted || document.kind === 'credit_note') return 'stay';
  if (document.status === 'paid' || document.status === 'refunded' || document.status === 'cancelled') return 'stay';
  if (document.status === 'partial' || document.amountPaid > 0n) return 'blocks';
  return 'move';
}
