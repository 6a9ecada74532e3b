import { and, asc, eq, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as markPaidRoute } from '@/app/api/v1/invoices/[id]/mark-paid/route';
import { POST as sendReminderRoute } from '@/app/api/v1/invoices/[id]/send-reminder/route';
import { POST as statusRoute } from '@/app/api/v1/invoices/[id]/status/route';
import { auditLog, emailOutbox, invoiceNotifications, invoices, payments, workflowEvents } from '@/db/schema';
import { notifyCustomer } from '@/inngest/functions/notify';
import { systemActor, type Actor } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import { dispatchPending } from '@/server/jobs/runtime';
import { changeInvoiceStatus, invoiceStatusTargets } from '@/server/services/invoices/change-status';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { sendInvoiceReminder } from '@/server/services/invoices/send-reminder';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
const now = new Date('2027-01-31T10:00:00Z');
// Invoices are issued on the test's day, whatever day the suite runs on (CI reruns it on others),
// so the due dates the status rules read stand where the tests put them.
const issueDate = '2027-01-31';
const system = (at = now) => ctxOf(db(), systemActor(), at);
const as = (actor: Actor, at = now) => ctxOf(db(), actor, at);

let reseller: Actor;
let rival: Actor;
let viewer: Actor;
let resellerCustomerId: string;
let adminKey: string;
let resellerKey: string;

beforeAll(async () => {
  const x = await givenUser(db(), 'reseller');
  reseller = x.actor;
  rival = (await givenUser(db(), 'reseller')).actor;
  viewer = (await givenUser(db(), 'staff', { permissions: ['invoices.view'] })).actor;
  resellerCustomerId = (await givenCustomer(db(), { reseller_id: x.id })).id;
  adminKey = await givenApiKey(db(), 'admin');
  resellerKey = await givenApiKey(db(), 'reseller', x.id);
});

const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

const state = async (id: string) => {
  const [row] = await db().select({ status: invoices.status, amountPaid: invoices.amountPaid }).from(invoices).where(eq(invoices.id, id));
  const paid = await db().select().from(payments).where(eq(payments.invoiceId, id));
  return { ...row!, payments: paid.length };
};

const audits = async (id: string, action: string) =>
  db()
    .select({ before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, action)))
    // In the order written: the test's fixed clock gives two changes the same instant.
    .orderBy(asc(auditLog.id));

async function call(handler: typeof statusRoute, id: string, suffix: string, body: unknown, options: { key?: string; headers?: Record<string, string> } = {}) {
  const response = await handler(
    apiRequest(`/api/v1/invoices/${id}/${suffix}`, { method: 'POST', key: options.key ?? adminKey, body, headers: options.headers }),
    params({ id }),
  );
  return { status: response.status, body: await response.json() };
}

describe('Mark as paid with a method and a reference', () => {
  it('pays the whole balance by the method and with the reference given, audited', async () => {
    const invoice = await givenInvoice(db(), { issueDate, total: 2500n });
    const { payment, invoice: after } = await markInvoicePaid(system(), { id: invoice.id, method: 'cash', reference: 'Receipt 0042' });
    expect(payment).toMatchObject({ amount: 2500n, method: 'cash', reference: 'Receipt 0042' });
    expect(after.status).toBe('paid');
    expect(await audits(invoice.id, 'invoice.payment_recorded')).toHaveLength(1);
    // Without a method it stays what it always was.
    const other = await givenInvoice(db(), { issueDate });
    expect((await markInvoicePaid(system(), { id: other.id })).payment.method).toBe('bank_transfer');
  });

  it('refuses a gateway method with a field error, and changes nothing', async () => {
    const invoice = await givenInvoice(db(), { issueDate });
    for (const method of ['stripe', 'paypal'] as const) {
      const error = await rejection(markInvoicePaid(system(), { id: invoice.id, method }));
      expect(error).toMatchObject({ code: 'validation', fields: { method: expect.stringContaining('received outside Cashdesk') } });
    }
    expect(await state(invoice.id)).toEqual({ status: 'pending', amountPaid: 0n, payments: 0 });
  });

  it('pays once when two clerks mark it paid at the same time', async () => {
    for (let round = 0; round < 5; round++) {
      const invoice = await givenInvoice(db(), { issueDate, total: 1000n });
      const results = await Promise.allSettled([
        markInvoicePaid(system(), { id: invoice.id, method: 'cash' }),
        markInvoicePaid(system(), { id: invoice.id, method: 'bank_transfer', reference: 'TR-1' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'invalid_state' });
      expect(await state(invoice.id)).toEqual({ status: 'paid', amountPaid: 1000n, payments: 1 });
    }
  });

  it('over REST: the method and reference land on the payment; a gateway method is a 400 on the field and pays nothing', async () => {
    const invoice = await givenInvoice(db(), { issueDate, total: 1200n });
    const refused = await call(markPaidRoute, invoice.id, 'mark-paid', { method: 'paypal' });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'validation_error', fields: { method: expect.any(String) } } } });
    expect(await state(invoice.id)).toEqual({ status: 'pending', amountPaid: 0n, payments: 0 });
    const paid = await call(markPaidRoute, invoice.id, 'mark-paid', { method: 'prepaid_card', reference: 'CARD-7781' });
    expect(paid).toMatchObject({
      status: 200,
      body: { payment: { amount: 1200, method: 'prepaid_card', reference: 'CARD-7781' }, invoice: { status: 'paid' } },
    });
  });

  it('lets a reseller pay in its own book only; the viewer not at all', async () => {
    const own = await givenInvoice(db(), { issueDate, customerId: resellerCustomerId });
    expect((await markInvoicePaid(as(reseller), { id: own.id, method: 'card', reference: 'POS 17' })).invoice.status).toBe('paid');
    const other = await givenInvoice(db(), { issueDate, customerId: resellerCustomerId });
    expect(await rejection(markInvoicePaid(as(rival), { id: other.id }))).toMatchObject({ code: 'not_found' });
    expect(await rejection(markInvoicePaid(as(viewer), { id: other.id }))).toMatchObject({ code: 'forbidden' });
    expect(await state(other.id)).toEqual({ status: 'pending', amountPaid: 0n, payments: 0 });
  });
});

describe('Change status', () => {
  it('marks a pending invoice overdue and back, each with its reason in the audit row; no money moves', async () => {
    const invoice = await givenInvoice(db(), { issueDate });
    expect(await invoiceStatusTargets(system(), { id: invoice.id })).toEqual(['overdue', 'cancelled']);
    const overdue = await changeInvoiceStatus(system(), { id: invoice.id, status: 'overdue', reason: 'Customer said they will not pay on time' });
    expect(overdue.status).toBe('overdue');
    expect(await invoiceStatusTargets(system(), { id: invoice.id })).toEqual(['pending', 'cancelled']);
    await changeInvoiceStatus(system(), { id: invoice.id, status: 'pending', reason: 'Marked by mistake' });
    expect(await state(invoice.id)).toEqual({ status: 'pending', amountPaid: 0n, payments: 0 });
    expect(await audits(invoice.id, 'invoice.status_changed')).toEqual([
      { before: { status: 'pending' }, after: { status: 'overdue', reason: 'Customer said they will not pay on time' } },
      { before: { status: 'overdue' }, after: { status: 'pending', reason: 'Marked by mistake' } },
    ]);
  });

  it('keeps a part-paid overdue invoice partial, and refuses to bring one back past its due date', async () => {
    const invoice = await givenInvoice(db(), { issueDate, total: 1000n });
    await changeInvoiceStatus(system(), { id: invoice.id, status: 'overdue', reason: 'Late' });
    const error = await rejection(changeInvoiceStatus(system(), { id: invoice.id, status: 'partial', reason: 'x' }));
    expect(error).toMatchObject({ code: 'invalid_state', fields: { status: expect.stringContaining('goes back to pending') } });
    // Months later the due date has passed: the overdue sweep would undo it.
    const later = new Date('2027-09-01T10:00:00Z');
    expect(await invoiceStatusTargets(system(later), { id: invoice.id })).toEqual(['cancelled']);
    expect(await rejection(changeInvoiceStatus(system(later), { id: invoice.id, status: 'pending', reason: 'x' }))).toMatchObject({ code: 'invalid_state' });
    expect((await state(invoice.id)).status).toBe('overdue');
  });

  it('cancels through the same rule as Cancel invoice, with the reason; never once money was received', async () => {
    const invoice = await givenInvoice(db(), { issueDate });
    await changeInvoiceStatus(system(), { id: invoice.id, status: 'cancelled', reason: 'Duplicate of another invoice' });
    expect(await audits(invoice.id, 'invoice.cancelled')).toEqual([
      { before: { status: 'pending' }, after: { status: 'cancelled', reason: 'Duplicate of another invoice' } },
    ]);
    const paid = await givenInvoice(db(), { issueDate });
    await markInvoicePaid(system(), { id: paid.id, method: 'cash' });
    expect(await invoiceStatusTargets(system(), { id: paid.id })).toEqual([]);
    for (const status of ['cancelled', 'overdue', 'pending'] as const) {
      expect(await rejection(changeInvoiceStatus(system(), { id: paid.id, status, reason: 'x' }))).toMatchObject({ code: 'invalid_state' });
    }
    expect(await state(paid.id)).toEqual({ status: 'paid', amountPaid: 1000n, payments: 1 });
  });

  it('is scoped: a reseller in its own book, another reseller gets not found, the viewer is forbidden and offered nothing', async () => {
    const own = await givenInvoice(db(), { issueDate, customerId: resellerCustomerId });
    expect((await changeInvoiceStatus(as(reseller), { id: own.id, status: 'overdue', reason: 'Late' })).status).toBe('overdue');
    expect(await rejection(changeInvoiceStatus(as(rival), { id: own.id, status: 'cancelled', reason: 'x' }))).toMatchObject({ code: 'not_found' });
    expect(await rejection(changeInvoiceStatus(as(viewer), { id: own.id, status: 'cancelled', reason: 'x' }))).toMatchObject({ code: 'forbidden' });
    expect(await invoiceStatusTargets(as(viewer), { id: own.id })).toEqual([]);
    expect((await state(own.id)).status).toBe('overdue');
  });

  it('over REST: POST /invoices/{id}/status answers the invoice; no reason or a bad status is a 400 on the field, a forbidden move 409', async () => {
    const invoice = await givenInvoice(db(), { issueDate });
    const missing = await call(statusRoute, invoice.id, 'status', { status: 'overdue' });
    expect(missing).toMatchObject({ status: 400, body: { error: { code: 'validation_error', fields: { reason: expect.any(String) } } } });
    const bad = await call(statusRoute, invoice.id, 'status', { status: 'paid', reason: 'Paid in cash' });
    expect(bad).toMatchObject({ status: 400, body: { error: { fields: { status: expect.stringContaining('must be one of') } } } });
    expect((await state(invoice.id)).status).toBe('pending');
    const changed = await call(statusRoute, invoice.id, 'status', { status: 'overdue', reason: 'Late' });
    expect(changed).toMatchObject({ status: 200, body: { id: invoice.id, status: 'overdue' } });
    const refused = await call(statusRoute, invoice.id, 'status', { status: 'overdue', reason: 'Again' });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'invalid_state' } } });
    const rivalsInvoice = await givenInvoice(db(), { issueDate });
    expect((await call(statusRoute, rivalsInvoice.id, 'status', { status: 'overdue', reason: 'x' }, { key: resellerKey })).status).toBe(404);
  });
});

describe('Send reminder', () => {
  const runtime = { mode: 'embedded' as const, workflows: [notifyCustomer], backoff: () => 0 };

  it('queues the chosen template through the outbox, audited; the workflow sends it once and logs it on the invoice', async () => {
    const customer = await givenCustomer(db());
    const invoice = await givenInvoice(db(), { issueDate, customerId: customer.id });
    const reminder = await sendInvoiceReminder(system(), { id: invoice.id, template: 'final' });
    expect(reminder).toMatchObject({ invoiceId: invoice.id, template: 'final', channel: 'email', status: 'queued' });
    expect(await audits(invoice.id, 'invoice.reminder_requested')).toEqual([
      { before: null, after: { reminder: reminder.id, template: 'final_notice', channel: 'email' } },
    ]);

    // Only this test's reminder: the invoices' own "invoice created" mails are another test's.
    await db().update(workflowEvents).set({ dispatchedAt: now }).where(ne(workflowEvents.eventId, reminder.id));
    await dispatchPending(db(), runtime);
    // A redelivered event sends nothing twice.
    await db().update(workflowEvents).set({ dispatchedAt: null }).where(eq(workflowEvents.eventId, reminder.id));
    await dispatchPending(db(), runtime);

    const mails = await db().select({ template: emailOutbox.template, to: emailOutbox.to }).from(emailOutbox).where(eq(emailOutbox.invoiceId, invoice.id));
    expect(mails).toEqual([{ template: 'final_notice', to: customer.email }]);
    const log = await db()
      .select({ status: invoiceNotifications.status, dedupeKey: invoiceNotifications.dedupeKey })
      .from(invoiceNotifications)
      .where(eq(invoiceNotifications.invoiceId, invoice.id));
    expect(log).toContainEqual({ status: 'sent', dedupeKey: `final_notice:${reminder.id}` });
  });

  it('reminds only what still awaits payment, in the actor’s book; a refusal queues nothing', async () => {
    const paid = await givenInvoice(db(), { issueDate, customerId: resellerCustomerId });
    await markInvoicePaid(system(), { id: paid.id, method: 'cash' });
    const draft = await givenInvoice(db(), { issueDate, status: 'draft' });
    const open = await givenInvoice(db(), { issueDate, customerId: resellerCustomerId });
    expect(await rejection(sendInvoiceReminder(system(), { id: paid.id, template: 'friendly' }))).toMatchObject({ code: 'invalid_state' });
    expect(await rejection(sendInvoiceReminder(system(), { id: draft.id, template: 'friendly' }))).toMatchObject({ code: 'invalid_state' });
    expect(await rejection(sendInvoiceReminder(as(rival), { id: open.id, template: 'friendly' }))).toMatchObject({ code: 'not_found' });
    expect(await rejection(sendInvoiceReminder(as(viewer), { id: open.id, template: 'friendly' }))).toMatchObject({ code: 'forbidden' });
    const queued = await db().select().from(workflowEvents).where(eq(workflowEvents.name, 'invoice/reminder.requested'));
    expect(queued.filter((e) => [paid.id, draft.id, open.id].includes((e.data as { invoiceId: string }).invoiceId))).toEqual([]);
    expect((await sendInvoiceReminder(as(reseller), { id: open.id, template: 'overdue' })).status).toBe('queued');
  });

  it('over REST: 202 with the queued reminder; a bad template is a 400 on the field; the same Idempotency-Key queues one', async () => {
    const invoice = await givenInvoice(db(), { issueDate });
    const bad = await call(sendReminderRoute, invoice.id, 'send-reminder', { template: 'angry' });
    expect(bad).toMatchObject({ status: 400, body: { error: { fields: { template: expect.stringContaining('friendly, overdue, final') } } } });
    const headers = { 'idempotency-key': `reminder-${invoice.id}` };
    const first = await call(sendReminderRoute, invoice.id, 'send-reminder', { template: 'friendly' }, { headers });
    const again = await call(sendReminderRoute, invoice.id, 'send-reminder', { template: 'friendly' }, { headers });
    expect(first).toMatchObject({ status: 202, body: { invoice_id: invoice.id, template: 'friendly', channel: 'email', status: 'queued' } });
    expect(again.body).toEqual(first.body);
    expect(await audits(invoice.id, 'invoice.reminder_requested')).toHaveLength(1);
  });
});
