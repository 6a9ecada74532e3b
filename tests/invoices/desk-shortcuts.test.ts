import { and, asc, eq, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as applyCreditRoute } from '@/app/api/v1/invoices/[id]/apply-credit/route';
import { POST as duplicateRoute } from '@/app/api/v1/invoices/[id]/duplicate/route';
import { auditLog, creditLedger, emailOutbox, invoiceLines, invoices, settings, workflowEvents } from '@/db/schema';
import { notifyCustomer } from '@/inngest/functions/notify';
import { createCaller } from '@/server/api/root';
import { systemActor, type Actor } from '@/server/auth/actor';
import { dispatchPending } from '@/server/jobs/runtime';
import { adjustCredit } from '@/server/services/credit/adjust';
import { applyCredit } from '@/server/services/credit/apply';
import { creditBalance } from '@/server/services/credit/balance';
import { createInvoice } from '@/server/services/invoices/create';
import { customerInvoice } from '@/server/services/invoices/customer-invoice';
import { duplicateInvoice } from '@/server/services/invoices/duplicate';
import { finalizeAndSend } from '@/server/services/invoices/finalize-and-send';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { getPaymentSettings } from '@/server/services/settings/payments';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
const now = new Date('2027-01-31T10:00:00Z');
const system = () => ctxOf(db(), systemActor(), now);
const as = (actor: Actor) => ctxOf(db(), actor, now);
const origin = 'http://desk.test';

async function customerWithCredit(credit: bigint) {
  const customer = await givenCustomer(db(), { currency: 'USD' });
  await adjustCredit(system(), { customerId: customer.id, amount: credit, reason: 'Goodwill' });
  return customer;
}

const draws = async (customerId: string) =>
  db()
    .select({ amount: creditLedger.amount })
    .from(creditLedger)
    .where(and(eq(creditLedger.customerId, customerId), eq(creditLedger.kind, 'applied_to_invoice')));

describe('Apply credit balance', () => {
  it('applies the part typed, and says the most it may apply when more is typed', async () => {
    const customer = await customerWithCredit(4000n);
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 2500n });

    const { payment, invoice: after } = await applyCredit(system(), { id: invoice.id, amount: 1000n });
    expect(payment).toMatchObject({ amount: 1000n, method: 'credit' });
    expect(after).toMatchObject({ status: 'partial', balance: 1500n });
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(3000n);

    // Capped at what is due (1500 of 3000 credit), in the invoice's currency, on the field.
    await expect(applyCredit(system(), { id: invoice.id, amount: 1501n })).rejects.toMatchObject({
      code: 'validation',
      fields: { amount: 'must be at most $15.00, the balance due' },
    });
    const audits = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, invoice.id), eq(auditLog.action, 'invoice.payment_recorded')));
    expect(audits).toHaveLength(1);
  });

  it('is capped by the credit too, and without an amount takes all it covers', async () => {
    const customer = await customerWithCredit(700n);
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 2500n });
    await expect(applyCredit(system(), { id: invoice.id, amount: 701n })).rejects.toMatchObject({
      fields: { amount: 'must be at most $7.00, the credit balance' },
    });
    const { invoice: after } = await applyCredit(system(), { id: invoice.id });
    expect(after.balance).toBe(1800n);
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(0n);
  });

  it('draws the credit once when applied twice at the same moment', async () => {
    const customer = await customerWithCredit(1000n);
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 5000n });
    const outcomes = await Promise.allSettled([applyCredit(system(), { id: invoice.id }), applyCredit(system(), { id: invoice.id })]);

    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });
    expect(await draws(customer.id)).toEqual([{ amount: -1000n }]);
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(0n);
    const [row] = await db().select({ amountPaid: invoices.amountPaid }).from(invoices).where(eq(invoices.id, invoice.id));
    expect(row!.amountPaid).toBe(1000n);
  });

  it('draws once for a double click carrying the dialog’s key, and over REST takes an amount', async () => {
    const customer = await customerWithCredit(3000n);
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 2500n });
    const admin = await givenUser(db(), 'admin');
    const trpc = createCaller({ db: db(), actor: admin.actor, origin });
    const click = { id: invoice.id, amount: 500, idempotencyKey: `apply-credit-${invoice.id}` };
    await Promise.all([trpc.invoices.applyCredit(click), trpc.invoices.applyCredit(click)]);
    expect(await draws(customer.id)).toEqual([{ amount: -500n }]);

    const key = await givenApiKey(db(), 'admin');
    const call = async (body: unknown) => {
      const response = await applyCreditRoute(
        apiRequest(`/api/v1/invoices/${invoice.id}/apply-credit`, { method: 'POST', key, body }),
        params({ id: invoice.id }),
      );
      return { status: response.status, body: await response.json() };
    };
    expect(await call({ amount: 999999 })).toMatchObject({ status: 400, body: { error: { fields: { amount: 'must be at most $20.00, the balance due' } } } });
    expect(await call({ amount: 700 })).toMatchObject({ status: 200, body: { payment: { amount: 700 }, invoice: { balance: 1300 } } });
  });
});

describe('Duplicate', () => {
  it('makes a draft with the same customer, lines, currency and notes, and none of the number or payments', async () => {
    const customer = await givenCustomer(db(), { currency: 'EUR' });
    const source = await createInvoice(system(), {
      customerId: customer.id,
      status: 'pending',
      currency: 'GBP',
      notes: 'Thank you for your business',
      items: [
        { description: 'Consulting', quantity: 2500n, unitPrice: 8000n, taxRate: 20000n, code: '998313' },
        { description: 'Travel', quantity: 1000n, unitPrice: 4550n, taxRate: 0n, periodStart: '2027-01-01', periodEnd: '2027-01-31' },
      ],
    });
    await markInvoicePaid(system(), { id: source.id, method: 'cash' });

    const copy = await duplicateInvoice(system(), { id: source.id });
    expect(copy).toMatchObject({
      status: 'draft',
      number: null,
      customerId: customer.id,
      currency: 'GBP',
      notes: 'Thank you for your business',
      amountPaid: 0n,
      total: source.total,
      issueDate: '2027-01-31',
      orderId: null,
    });
    const lines = (id: string) =>
      db()
        .select({
          description: invoiceLines.description,
          quantity: invoiceLines.quantity,
          unitPrice: invoiceLines.unitPrice,
          taxRate: invoiceLines.taxRate,
          total: invoiceLines.total,
          code: invoiceLines.code,
          periodStart: invoiceLines.periodStart,
        })
        .from(invoiceLines)
        .where(eq(invoiceLines.invoiceId, id))
        .orderBy(asc(invoiceLines.position));
    expect(await lines(copy.id)).toEqual(await lines(source.id));
    const [audit] = await db()
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, copy.id), eq(auditLog.action, 'invoice.duplicated')));
    expect(audit!.after).toMatchObject({ duplicatedFrom: source.number });
  });

  it('refuses a credit note and another reseller’s invoice; REST answers 201 with the draft', async () => {
    const reseller = await givenUser(db(), 'reseller');
    const theirs = await givenInvoice(db(), { customerId: (await givenCustomer(db())).id });
    await expect(duplicateInvoice(as(reseller.actor), { id: theirs.id })).rejects.toMatchObject({ code: 'not_found' });
    const viewer = await givenUser(db(), 'staff', { permissions: ['invoices.view'] });
    await expect(duplicateInvoice(as(viewer.actor), { id: theirs.id })).rejects.toMatchObject({ code: 'forbidden' });

    const key = await givenApiKey(db(), 'admin');
    const response = await duplicateRoute(apiRequest(`/api/v1/invoices/${theirs.id}/duplicate`, { method: 'POST', key, body: {} }), params({ id: theirs.id }));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: 'draft', number: null, customer_id: theirs.customerId });
  });
});

describe('Finalize & send', () => {
  const runtime = { mode: 'embedded' as const, workflows: [notifyCustomer], backoff: () => 0 };

  it('numbers the draft and queues its e-mail in one step; the workflow sends it once', async () => {
    const customer = await givenCustomer(db());
    const draft = await givenInvoice(db(), { customerId: customer.id, status: 'draft' });
    const { invoice, sendId } = await finalizeAndSend(system(), { id: draft.id });
    expect(invoice).toMatchObject({ status: 'pending', number: expect.any(String) });
    const queued = await db().select({ name: workflowEvents.name, data: workflowEvents.data }).from(workflowEvents).where(eq(workflowEvents.eventId, sendId));
    expect(queued).toEqual([{ name: 'invoice/send.requested', data: { invoiceId: draft.id } }]);

    // A second press finds it finalized: refused, nothing more queued.
    await expect(finalizeAndSend(system(), { id: draft.id })).rejects.toMatchObject({ code: 'invalid_state' });

    // Only this send: the invoices' own "invoice created" mails are another test's.
    await db().update(workflowEvents).set({ dispatchedAt: now }).where(ne(workflowEvents.eventId, sendId));
    await dispatchPending(db(), runtime);
    await db().update(workflowEvents).set({ dispatchedAt: null }).where(eq(workflowEvents.eventId, sendId));
    await dispatchPending(db(), runtime);
    const mails = await db().select({ template: emailOutbox.template, to: emailOutbox.to }).from(emailOutbox).where(eq(emailOutbox.invoiceId, draft.id));
    expect(mails).toEqual([{ template: 'invoice_created', to: customer.email }]);
  });

  it('leaves the draft a draft when it may not be finalized by this actor', async () => {
    const viewer = await givenUser(db(), 'staff', { permissions: ['invoices.view'] });
    const draft = await givenInvoice(db(), { status: 'draft' });
    await expect(finalizeAndSend(as(viewer.actor), { id: draft.id })).rejects.toMatchObject({ code: 'forbidden' });
    const [row] = await db().select({ status: invoices.status }).from(invoices).where(eq(invoices.id, draft.id));
    expect(row!.status).toBe('draft');
  });
});

describe('the portal: part of the credit, bank transfer details', () => {
  it('lets a client apply part of their credit, prefilled with what it covers, and never another’s', async () => {
    const customer = await customerWithCredit(1200n);
    const client = await givenUser(db(), 'client', { customerId: customer.id });
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 2500n });
    const trpc = createCaller({ db: db(), actor: client.actor, origin });

    expect((await trpc.portal.invoice({ id: invoice.id })).creditCovers).toBe(1200n);
    const { invoice: after } = await trpc.portal.applyCredit({ id: invoice.id, amount: 450, idempotencyKey: `portal-credit-${invoice.id}` });
    expect(after.balance).toBe(2050n);
    expect((await trpc.portal.invoice({ id: invoice.id })).creditCovers).toBe(750n);
    await expect(trpc.portal.applyCredit({ id: invoice.id, amount: 751, idempotencyKey: `portal-credit-2-${invoice.id}` })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    const other = await givenInvoice(db(), { total: 100n });
    await expect(trpc.portal.applyCredit({ id: other.id, amount: 100, idempotencyKey: `portal-credit-3-${invoice.id}` })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // The public page reads without `withCredit`: a holder of the link is not told the credit balance.
    expect((await customerInvoice(ctxOf(db(), client.actor, now), { id: invoice.id, origin })).creditCovers).toBe(0n);
  });

  it('shows the bank transfer details while it awaits payment, and Settings warns when there are none', async () => {
    const customer = await givenCustomer(db());
    const client = await givenUser(db(), 'client', { customerId: customer.id });
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 2500n });
    const read = () => createCaller({ db: db(), actor: client.actor, origin }).portal.invoice({ id: invoice.id });
    expect((await read()).bankTransfer).toEqual({ instructions: 'Pay by bank transfer quoting the invoice number.', reference: invoice.number });

    const warning = (notices: string[]) => notices.filter((n) => n.includes('no bank details'));
    expect(warning((await getPaymentSettings(system())).notices)).toHaveLength(1);
    await db()
      .insert(settings)
      .values({ key: 'billing', value: { bank_details: 'IBAN DE89 3704 0044 0532 0130 00' } })
      .onConflictDoUpdate({ target: settings.key, set: { value: { bank_details: 'IBAN DE89 3704 0044 0532 0130 00' } } });
    expect(warning((await getPaymentSettings(system())).notices)).toEqual([]);
    await db().delete(settings).where(eq(settings.key, 'billing'));

    await markInvoicePaid(system(), { id: invoice.id, method: 'cash' });
    expect((await read()).bankTransfer).toBeNull();
  });
});
