import type { Database } from '@/db';
import { creditLedger, invoices } from '@/db/schema';
import { addDays } from '@/server/billing/periods';
import type { InvoiceItemInput } from '@/server/schemas/invoices';
import type { BillingSettings } from '@/server/schemas/settings';
import { customerDefaultRate } from '@/server/services/customers/tax-rate';
import { publishIssuedDocuments } from '@/server/services/webhooks/publish';
import { customerSnapshot } from './snapshot';
import { insertLines, nextNumber, priceItems, type InvoiceRow } from './store';

type Purpose = InvoiceRow['purpose'];

/**
 * A finalized document for a customer: a pending invoice or debit note to be paid, or a credit
 * note whose amount goes onto the customer's credit balance (it is settled on issue). A line
 * that names no rate takes the customer's (exempt, an override, else the settings'). Every one
 * is an `invoice.created` webhook, in the caller's transaction.
 */
export async function issueDocument(
  tx: Database,
  input: {
    kind: 'invoice' | 'credit_note' | 'debit_note';
    customerId: string;
    currency: string;
    orderId?: string | null;
    correctsInvoiceId?: string | null;
    purpose: Purpose;
    items: InvoiceItemInput[];
    notes?: string | null;
    today: string;
    now: Date;
    settings: BillingSettings;
    /** For a credit note: put its amount on the credit balance (else it only documents money returned). */
    credit?: boolean;
  },
): Promise<InvoiceRow> {
  const defaultRate = await customerDefaultRate(tx, input.customerId, input.settings);
  const { lines, totals } = priceItems(input.items, input.settings.tax_mode, defaultRate);
  const creditNote = input.kind === 'credit_note';
  const [row] = await tx
    .insert(invoices)
    .values({
      kind: input.kind,
      status: creditNote ? 'paid' : 'pending',
      number: await nextNumber(tx, input.kind, input.today, input.settings),
      customerSnapshot: customerSnapshot(input.customerId),
      customerId: input.customerId,
      orderId: input.orderId ?? null,
      correctsInvoiceId: input.correctsInvoiceId ?? null,
      currency: input.currency,
      taxMode: input.settings.tax_mode,
      issueDate: input.today,
      dueDate: creditNote ? input.today : addDays(input.today, input.settings.payment_due_days),
      paidAt: creditNote ? input.now : null,
      subtotal: totals.subtotal,
      taxTotal: totals.tax,
      total: totals.total,
      amountPaid: creditNote ? totals.total : 0n,
      notes: input.notes ?? null,
      purpose: input.purpose,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  await insertLines(tx, row!.id, lines);
  await publishIssuedDocuments(tx, [row!.id], input.now);
  if (creditNote && input.credit && totals.total > 0n) {
    await tx.insert(creditLedger).values({
      customerId: input.customerId,
      kind: 'credit_note',
      amount: totals.total,
      currency: input.currency,
      reason: `Credit note ${row!.number}`,
      invoiceId: row!.id,
      createdAt: input.now,
    });
  }
  return row!;
}
