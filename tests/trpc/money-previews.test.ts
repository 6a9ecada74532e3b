import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, invoices, refunds } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { withTestDatabase } from '../support/database';
import { givenCustomer, givenInvoice, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();

const counted = async () => ({
  invoices: (await db().select({ n: count() }).from(invoices))[0]!.n,
  refunds: (await db().select({ n: count() }).from(refunds))[0]!.n,
  audit: (await db().select({ n: count() }).from(auditLog))[0]!.n,
});

// The console's dialogs preview with the key they confirm with: a preview must not use it up.
describe('console money previews', () => {
  it('previews a refund and a credit note with the dialog’s key, writing nothing, and the confirmation with that key then acts', async () => {
    const admin = await givenUser(db(), 'admin');
    const trpc = createCaller({ db: db(), actor: admin.actor, origin: 'http://localhost' });
    const customer = await givenCustomer(db());
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 1000n });
    await trpc.invoices.recordPayment({ id: invoice.id, amount: 1000, method: 'cash', idempotencyKey: 'pay-preview-0000000001' });

    const before = await counted();
    const refund = { id: invoice.id, amount: 400, reason: 'Partly unused', to_credit: false, idempotencyKey: 'refund-preview-000000001' };
    const shown = await trpc.invoices.refund({ ...refund, preview: true });
    expect(shown.creditNote).toMatchObject({ kind: 'credit_note', total: 400n });
    expect(await trpc.invoices.refund({ ...refund, preview: true })).toMatchObject({ creditNote: { number: shown.creditNote!.number } });
    expect(await counted()).toEqual(before);
    const done = await trpc.invoices.refund(refund);
    expect(done.creditNote).toMatchObject({ number: shown.creditNote!.number, total: 400n });

    const note = { id: invoice.id, kind: 'credit_note' as const, reason: 'Goodwill', items: [{ description: 'Goodwill', quantity: 1, unit_price: 100 }] };
    const preview = await trpc.invoices.correct({ ...note, preview: true, idempotencyKey: 'note-preview-0000000001' });
    expect(preview.document).toMatchObject({ kind: 'credit_note', total: 100n });
    expect(preview.corrected.id).toBe(invoice.id);
    const issued = await trpc.invoices.correct({ ...note, idempotencyKey: 'note-preview-0000000001' });
    expect(issued.document).toMatchObject({ number: preview.document.number, total: preview.document.total });
    expect(await db().select({ id: invoices.id }).from(invoices).where(eq(invoices.correctsInvoiceId, invoice.id))).toHaveLength(2);
  });
});
