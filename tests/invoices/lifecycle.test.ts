import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, payments } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { createInvoiceInput } from '@/server/schemas/invoices';
import { adjustCredit } from '@/server/services/credit/adjust';
import { applyCredit } from '@/server/services/credit/apply';
import { cancelInvoice } from '@/server/services/invoices/cancel';
import { createInvoice } from '@/server/services/invoices/create';
import { finalizeInvoice } from '@/server/services/invoices/finalize';
import { getInvoice } from '@/server/services/invoices/get';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { publicToken, readPublicInvoice } from '@/server/services/invoices/public-link';
import { regenerateInvoiceToken } from '@/server/services/invoices/regenerate-token';
import { updateInvoice } from '@/server/services/invoices/update';
import { recordPayment } from '@/server/services/payments/record';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const system = () => ctxOf(db(), systemActor(), new Date('2026-03-10T12:00:00Z'));

describe('creating invoices', () => {
  it('computes every total on the server and numbers a pending invoice', async () => {
    const customer = await givenCustomer(db(), { currency: 'EUR' });
    const invoice = await createInvoice(
      system(),
      camelized(createInvoiceInput).parse({
        customer_id: customer.id,
        issue_date: '2026-03-10',
        items: [
          { description: 'VPS', quantity: '1.5', unit_price: 1999, tax_rate: '19' },
          { description: 'Discount', quantity: 1, unit_price: -500, tax_rate: 19 },
          { description: 'Setup', quantity: 1, unit_price: 1000 },
        ],
      }),
    );
    expect(invoice).toMatchObject({ status: 'pending', currency: 'EUR', issueDate: '2026-03-10', dueDate: '2026-04-09' });
    expect(invoice.number).toMatch(/^INV-2026-\d{5}$/);
    // 2998.5 → 2999 (+570 tax); -500 (-95); 1000 (0 tax, the default rate)
    expect(invoice.lines.map((l) => [l.subtotal, l.tax, l.total])).toEqual([
      [2999n, 570n, 3569n],
      [-500n, -95n, -595n],
      [1000n, 0n, 1000n],
    ]);
    expect(invoice).toMatchObject({ subtotal: 3499n, taxTotal: 475n, total: 3974n, balance: 3974n });
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, invoice.id), eq(auditLog.action, 'invoice.created')));
    expect(entry).toBeDefined();
  });

  it('refuses an invoice whose lines add up to less than zero', async () => {
    const customer = await givenCustomer(db());
    await expect(
      createInvoice(
        system(),
        camelized(createInvoiceInput).parse({ customer_id: customer.id, items: [{ description: 'Refund', quantity: 1, unit_price: -100 }] }),
      ),
    ).rejects.toMatchObject({ code: 'validation', fields: { items: expect.any(String) } });
  });

  it('keeps a draft unnumbered until it is finalized, once', async () => {
    const draft = await givenInvoice(db(), { status: 'draft' });
    expect(draft).toMatchObject({ status: 'draft', number: null, balance: 0n });
    const final = await finalizeInvoice(system(), { id: draft.id });
    expect(final.status).toBe('pending');
    expect(final.number).toMatch(new RegExp(`^INV-${final.issueDate.slice(0, 4)}-\\d{5}$`));
    await expect(finalizeInvoice(system(), { id: draft.id })).rejects.toMatchObject({ code: 'invalid_state' });
  });
});

describe('numbering', () => {
  it('gives 20 concurrent finalizations 20 distinct consecutive numbers', async () => {
    const customer = await givenCustomer(db());
    const drafts = await Promise.all(
      Array.from({ length: 20 }, () => givenInvoice(db(), { customerId: customer.id, status: 'draft', issueDate: '2031-05-05' })),
    );
    const finals = await Promise.all(drafts.map((d) => finalizeInvoice(system(), { id: d.id })));
    const sequence = finals.map((f) => Number(f.number!.split('-')[2])).sort((a, b) => a - b);
    expect(sequence).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('starts again each year when set to yearly, and a rollback gives the number back', async () => {
    const customer = await givenCustomer(db());
    const last = await givenInvoice(db(), { customerId: customer.id, issueDate: '2032-12-31' });
    const first = await givenInvoice(db(), { customerId: customer.id, issueDate: '2033-01-01' });
    expect(last.number).toBe('INV-2032-00001');
    expect(first.number).toBe('INV-2033-00001');
    // A failed finalization (here: the invoice vanishes under it) must not burn a number.
    await expect(
      db().transaction(async (tx) => {
        await givenInvoice(tx, { customerId: customer.id, issueDate: '2033-06-01' });
        throw new Error('crash after numbering');
      }),
    ).rejects.toThrow('crash');
    expect((await givenInvoice(db(), { customerId: customer.id, issueDate: '2033-06-02' })).number).toBe('INV-2033-00002');
  });
});

describe('editing', () => {
  it('edits an unpaid finalized invoice, keeping its number, and locks it once money arrives', async () => {
    const invoice = await givenInvoice(db(), { total: 1000n });
    const edited = await updateInvoice(system(), {
      id: invoice.id,
      notes: 'Corrected',
      items: [{ description: 'Hosting, corrected', quantity: 2000n, unitPrice: 700n, taxRate: 0n }],
    });
    expect(edited).toMatchObject({ number: invoice.number, total: 1400n, notes: 'Corrected' });
    await recordPayment(system(), { invoiceId: invoice.id, amount: 100n, method: 'cash' });
    await expect(updateInvoice(system(), { id: invoice.id, notes: 'again' })).rejects.toMatchObject({ code: 'invalid_state' });
  });
});

describe('payments', () => {
  it('moves pending → partial → paid and stamps paid_at with the payment date', async () => {
    const invoice = await givenInvoice(db(), { total: 1000n });
    const first = await recordPayment(system(), { invoiceId: invoice.id, amount: 400n, method: 'bank_transfer', reference: 'TX-1' });
    expect(first.invoice).toMatchObject({ status: 'partial', amountPaid: 400n, balance: 600n, paidAt: null });
    const paidAt = new Date('2026-03-01T09:00:00Z');
    const second = await recordPayment(system(), { invoiceId: invoice.id, amount: 600n, method: 'cash', paidAt });
    expect(second.invoice).toMatchObject({ status: 'paid', amountPaid: 1000n, balance: 0n, paidAt });
  });

  it('refuses more than the balance, a future date, and paying drafts or cancelled invoices', async () => {
    const invoice = await givenInvoice(db(), { total: 1000n });
    await expect(recordPayment(system(), { invoiceId: invoice.id, amount: 1001n, method: 'cash' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      recordPayment(system(), { invoiceId: invoice.id, amount: 1n, method: 'cash', paidAt: new Date('2026-03-11T00:00:00Z') }),
    ).rejects.toMatchObject({ code: 'validation', fields: { paid_at: 'must not be in the future' } });
    const draft = await givenInvoice(db(), { status: 'draft' });
    await expect(recordPayment(system(), { invoiceId: draft.id, amount: 1n, method: 'cash' })).rejects.toMatchObject({ code: 'invalid_state' });
    await cancelInvoice(system(), { id: invoice.id });
    await expect(recordPayment(system(), { invoiceId: invoice.id, amount: 1n, method: 'cash' })).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('never overpays when 50 partial payments race for a 1,000 balance', async () => {
    const invoice = await givenInvoice(db(), { total: 1000n });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => recordPayment(system(), { invoiceId: invoice.id, amount: 100n, method: 'cash' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.every((r) => ['conflict', 'invalid_state'].includes(r.reason.code))).toBe(true);
    const after = await getInvoice(system(), { id: invoice.id });
    expect(after).toMatchObject({ status: 'paid', amountPaid: 1000n });
    expect(await db().select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(10);
  });

  it('records one payment for a gateway payment delivered twice', async () => {
    const invoice = await givenInvoice(db(), { total: 1000n });
    const gateway = { provider: 'stripe', id: 'pi_123' };
    const [a, b] = await Promise.all([
      recordPayment(system(), { invoiceId: invoice.id, amount: 1000n, method: 'stripe', gateway }),
      recordPayment(system(), { invoiceId: invoice.id, amount: 1000n, method: 'stripe', gateway }),
    ]);
    expect(a.payment.id).toBe(b.payment.id);
    expect(await db().select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(1);
  });

  it('marks an invoice paid with exactly its open balance', async () => {
    const invoice = await givenInvoice(db(), { total: 1234n });
    await recordPayment(system(), { invoiceId: invoice.id, amount: 234n, method: 'cash' });
    const { payment, invoice: paid } = await markInvoicePaid(system(), { id: invoice.id });
    expect(payment).toMatchObject({ amount: 1000n, method: 'bank_transfer' });
    expect(paid.status).toBe('paid');
    await expect(markInvoicePaid(system(), { id: invoice.id })).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('pays from the credit balance only as far as it reaches', async () => {
    const customer = await givenCustomer(db());
    await adjustCredit(system(), { customerId: customer.id, amount: 500n, reason: 'Goodwill' });
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 800n });
    await expect(recordPayment(system(), { invoiceId: invoice.id, amount: 600n, method: 'credit' })).rejects.toMatchObject({ code: 'conflict' });
    const { invoice: after } = await recordPayment(system(), { invoiceId: invoice.id, amount: 500n, method: 'credit' });
    expect(after).toMatchObject({ status: 'partial', balance: 300n });
    await expect(adjustCredit(system(), { customerId: customer.id, amount: -1n, reason: 'x' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('applies whatever credit balance there is, up to the balance', async () => {
    const customer = await givenCustomer(db());
    await adjustCredit(system(), { customerId: customer.id, amount: 300n, reason: 'Refund kept as credit' });
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 1000n });
    const { invoice: after, payment } = await applyCredit(system(), { id: invoice.id });
    expect(payment).toMatchObject({ amount: 300n, method: 'credit' });
    expect(after).toMatchObject({ status: 'partial', balance: 700n });
    await expect(applyCredit(system(), { id: invoice.id })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('cancelling', () => {
  it('cancels an unpaid invoice but not one with money received', async () => {
    const open = await givenInvoice(db());
    expect((await cancelInvoice(system(), { id: open.id })).status).toBe('cancelled');
    const partly = await givenInvoice(db(), { total: 1000n });
    await recordPayment(system(), { invoiceId: partly.id, amount: 1n, method: 'cash' });
    await expect(cancelInvoice(system(), { id: partly.id })).rejects.toMatchObject({ code: 'invalid_state' });
  });
});

describe('scope and public links', () => {
  it('hides another reseller’s invoice as not found', async () => {
    const reseller = await givenUser(db(), 'reseller');
    const other = await givenUser(db(), 'reseller');
    const foreign = await givenInvoice(db(), { customerId: (await givenCustomer(db(), { reseller_id: other.id })).id });
    await expect(getInvoice(ctxOf(db(), reseller.actor), { id: foreign.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(recordPayment(ctxOf(db(), reseller.actor), { invoiceId: foreign.id, amount: 1n, method: 'cash' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('opens with the current token only; regenerating kills the old link', async () => {
    const invoice = await givenInvoice(db());
    const token = publicToken(invoice.id, invoice.tokenVersion);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await readPublicInvoice({ db: db() }, { id: invoice.id, token })).id).toBe(invoice.id);
    for (const wrong of ['', 'x', token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')]) {
      await expect(readPublicInvoice({ db: db() }, { id: invoice.id, token: wrong })).rejects.toMatchObject({ code: 'not_found' });
    }
    await regenerateInvoiceToken(system(), { id: invoice.id });
    await expect(readPublicInvoice({ db: db() }, { id: invoice.id, token })).rejects.toMatchObject({ code: 'not_found' });
    expect((await readPublicInvoice({ db: db() }, { id: invoice.id, token: publicToken(invoice.id, 2) })).id).toBe(invoice.id);
  });
});
