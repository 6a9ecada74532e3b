import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { invoiceLines, invoices, ledgerTransactions, payments } from '@/db/schema';
import type { Actor } from '@/server/auth/actor';
import { toPlainDate } from '@/server/billing/periods';
import { audit } from '@/server/services/audit/record';
import { readBillingSettings } from '@/server/services/settings/read';
import { publishIssuedDocuments } from '@/server/services/webhooks/publish';
import { customerSnapshot } from './snapshot';
import { nextNumber } from './store';

/**
 * A proforma paid in full becomes a numbered invoice, in the paying transaction (docs/documents.md,
 * "Proformas"): the invoice takes the proforma's lines and totals, born paid, and the money
 * received — the payments and their ledger rows — moves onto it (later ones go there too:
 * insertPayment), so the customer holds one paid tax document and refunds and credit notes start
 * from it. The credit balance's entries stay where they were written. The proforma stays,
 * `paid`, pointing at its invoice. The lines' link to the services they bill stays on the
 * proforma (a service's period is billed by one line; settlement has already read it there).
 * Exactly once: the caller holds the proforma's row lock, a converted one is left alone, and
 * `invoices_proforma_uq` refuses a second invoice for it.
 */
export async function convertProforma(tx: Database, actor: Actor, proformaId: string, now: Date): Promise<void> {
  const [proforma] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, proformaId), eq(invoices.kind, 'proforma'), eq(invoices.status, 'paid'), isNull(invoices.convertedInvoiceId)));
  if (!proforma) return;
  const today = toPlainDate(now);
  const [invoice] = await tx
    .insert(invoices)
    .values({
      kind: 'invoice',
      status: 'paid',
      number: await nextNumber(tx, 'invoice', today, await readBillingSettings(tx)),
      customerSnapshot: customerSnapshot(proforma.customerId),
      customerId: proforma.customerId,
      orderId: proforma.orderId,
      orderName: proforma.orderName,
      poNumber: proforma.poNumber,
      currency: proforma.currency,
      taxMode: proforma.taxMode,
      issueDate: today,
      dueDate: today,
      paidAt: proforma.paidAt,
      subtotal: proforma.subtotal,
      taxTotal: proforma.taxTotal,
      total: proforma.total,
      amountPaid: proforma.amountPaid,
      notes: proforma.notes,
      // Paying it sets nothing more in motion: the proforma's settlement already did.
      purpose: 'manual',
      proformaId: proforma.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: invoices.id, number: invoices.number });
  await copyLinesWithoutServices(tx, proforma.id, invoice!.id);
  await tx.update(payments).set({ invoiceId: invoice!.id }).where(eq(payments.invoiceId, proforma.id));
  await tx.update(ledgerTransactions).set({ invoiceId: invoice!.id }).where(eq(ledgerTransactions.invoiceId, proforma.id));
  await tx.update(invoices).set({ convertedInvoiceId: invoice!.id, updatedAt: now }).where(eq(invoices.id, proforma.id));
  await audit(
    tx,
    actor,
    'invoice.created',
    { type: 'invoice', id: invoice!.id },
    { after: { kind: 'invoice', number: invoice!.number, proformaId: proforma.id } },
  );
  await publishIssuedDocuments(tx, [invoice!.id], now);
  await audit(
    tx,
    actor,
    'invoice.proforma_converted',
    { type: 'invoice', id: proforma.id },
    { before: { convertedInvoiceId: null }, after: { convertedInvoiceId: invoice!.id, number: invoice!.number } },
  );
}

/**
 * Copies a document's lines (amounts, periods, codes) onto another, without their services: a
 * service's period is billed by one line, which stays where settlement reads it.
 */
export async function copyLinesWithoutServices(tx: Database, fromId: string, toId: string): Promise<void> {
  const lines = await tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, fromId)).orderBy(asc(invoiceLines.position));
  if (lines.length === 0) return;
  await tx.insert(invoiceLines).values(lines.map(({ id: _id, invoiceId: _from, serviceId: _service, ...line }) => ({ ...line, invoiceId: toId })));
}
