import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emailOutbox, invoiceNotifications, invoices, jobs, orders, settings, workflowEvents } from '@/db/schema';
import { notifyCustomer } from '@/inngest/functions/notify';
import { systemActor } from '@/server/auth/actor';
import { addDays } from '@/server/billing/periods';
import { formatDay } from '@/server/documents/model';
import { publicOrigin } from '@/server/env';
import { dispatchPending, emitEvents, type Runtime } from '@/server/jobs/runtime';
import { camelized } from '@/server/schemas/common';
import { communicationRulesInput, defaultCommunicationRules, type CommunicationRulesInput } from '@/server/schemas/communication';
import { placeOrderInput } from '@/server/schemas/orders';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { runDunning } from '@/server/services/billing-runs/run-dunning';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { placeOrder } from '@/server/services/orders/place';
import { updateCommunication } from '@/server/services/settings/communication';
import { getCommunicationRules, updateCommunicationRules } from '@/server/services/settings/communication-rules';
import { withTestDatabase } from '../support/database';
import { fakeHttp, type Recorded, type Reply } from '../support/fake-http';
import { ctxOf, givenCustomer, givenInvoice, givenProduct, runOrderActivation } from '../support/fixtures';

const { db } = withTestDatabase();
const now = new Date('2026-12-07T12:00:00Z');
const at = (day: string) => ctxOf(db(), systemActor(), new Date(`${day}T12:00:00Z`));
const ctx = () => ctxOf(db(), systemActor(), now);
// Workflows link to the configured public URL; a dunning run is handed its origin.
const origin = 'https://billing.example.test';
const runtime: Runtime = { mode: 'embedded', workflows: [notifyCustomer], backoff: () => 0 };
const closers: Array<() => Promise<void>> = [];
// Each test starts from nothing saved: no rules, no SMS or WhatsApp.
beforeEach(async () => {
  await db()
    .delete(settings)
    .where(inArray(settings.key, ['communication', 'communication_rules']));
});
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** One fake provider for both: the SMS gateway at /sms, Ultramsg at /<instance>/messages/document. */
async function gateways(reply: (request: Recorded) => Reply = () => ({ status: 200, body: { id: 'm-1' } })) {
  const server = await fakeHttp(reply);
  closers.push(server.close);
  const sms = () => server.requests.filter((r) => r.url === '/sms').map((r) => JSON.parse(r.body) as { to: string; text: string });
  const whatsapp = () => server.requests.filter((r) => r.url.endsWith('/messages/document')).map((r) => new URLSearchParams(r.body));
  return { server, sms, whatsapp };
}

async function configure(url: string, channels: { sms?: boolean; whatsapp?: boolean } = { sms: true, whatsapp: true }) {
  await updateCommunication(ctx(), {
    sms: channels.sms
      ? { url: `${url}/sms`, method: 'POST', auth_header: '', remove_auth_header: false, body_template: '{"to":"{to}","text":"{message}"}' }
      : null,
    whatsapp: channels.whatsapp ? { base_url: url, instance: 'inst1', token: 'wa-token' } : null,
  });
}

const rules = (changes: Partial<CommunicationRulesInput>) =>
  updateCommunicationRules(ctx(), communicationRulesInput.parse({ ...defaultCommunicationRules, ...changes }));
const channels = (email: boolean, sms: boolean, whatsapp: boolean) => ({ email, sms, whatsapp });

async function givenInvoiceFor(phone: string | null = '+4915112345678') {
  const customer = await givenCustomer(db(), { name: 'Ada Lovelace', phone: phone ?? undefined });
  return givenInvoice(db(), { customerId: customer.id, total: 12_345n });
}

const log = (invoiceId: string) =>
  db()
    .select({
      channel: invoiceNotifications.channel,
      status: invoiceNotifications.status,
      detail: invoiceNotifications.detail,
      key: invoiceNotifications.dedupeKey,
    })
    .from(invoiceNotifications)
    .where(eq(invoiceNotifications.invoiceId, invoiceId))
    .orderBy(asc(invoiceNotifications.channel), asc(invoiceNotifications.at));
const mails = (invoiceId: string) => db().select({ template: emailOutbox.template }).from(emailOutbox).where(eq(emailOutbox.invoiceId, invoiceId));
const redeliver = async () => {
  await db().update(workflowEvents).set({ dispatchedAt: null });
  await dispatchPending(db(), runtime);
};

describe('a payment received with SMS and WhatsApp in its rule', () => {
  it('sends both with the rule’s texts filled in, the PDF as WhatsApp media, and no e-mail', async () => {
    const { server, sms, whatsapp } = await gateways();
    await configure(server.url);
    await rules({
      payment_received: {
        channels: channels(false, true, true),
        sms_text: 'Thanks {customer_name}: {invoice_number} paid, {amount} open. {link}',
        whatsapp_text: 'Hello {customer_name}, we received {total} for {invoice_number} from {company}.',
      },
    });
    const invoice = await givenInvoiceFor();

    await markInvoicePaid(ctx(), { id: invoice.id });
    await dispatchPending(db(), runtime);

    const link = `${publicOrigin()}/p/invoice/${invoice.id}?token=`;
    expect(sms()).toHaveLength(1);
    expect(sms()[0]!.to).toBe('+4915112345678');
    expect(sms()[0]!.text).toMatch(new RegExp(`^Thanks Ada Lovelace: ${invoice.number} paid, \\$0\\.00 open\\. ${link.replace(/[?.$]/g, '\\$&')}\\S+$`));
    expect(whatsapp()).toHaveLength(1);
    const message = whatsapp()[0]!;
    expect(message.get('to')).toBe('+4915112345678');
    expect(message.get('filename')).toBe(`${invoice.number}.pdf`);
    expect(Buffer.from(message.get('document')!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // The text places no {link}: the public link is added after it, as WhatsApp always carries it.
    const [text, url] = message.get('caption')!.split('\n');
    expect(text).toBe(`Hello Ada Lovelace, we received $123.45 for ${invoice.number} from Cashdesk.`);
    expect(url!.startsWith(link)).toBe(true);
    expect(await mails(invoice.id)).toEqual([]);
    expect((await log(invoice.id)).map((l) => [l.channel, l.status])).toEqual([
      ['sms', 'sent'],
      ['whatsapp', 'sent'],
    ]);
  });
});

describe('a channel the rule names that is not configured', () => {
  it('is skipped and the skip logged on the invoice, once, while the others send', async () => {
    const { server, sms } = await gateways();
    await configure(server.url, { sms: true });
    await rules({ invoice_created: { ...defaultCommunicationRules.invoice_created, channels: channels(true, true, true) } });
    const invoice = await givenInvoiceFor();

    await emitEvents(db(), [{ name: 'invoice/created', id: `invoice-created:${invoice.id}`, data: { invoiceId: invoice.id } }]);
    await dispatchPending(db(), runtime);
    await redeliver();

    expect(await mails(invoice.id)).toEqual([{ template: 'invoice_created' }]);
    expect(sms()).toHaveLength(1);
    expect(sms()[0]!.text).toContain(`invoice ${invoice.number}, $123.45 due`);
    expect((await log(invoice.id)).map((l) => [l.channel, l.status, l.detail])).toEqual([
      ['email', 'sent', null],
      ['sms', 'sent', null],
      ['whatsapp', 'skipped', 'WhatsApp is not configured (Settings → Communication)'],
    ]);
    const runs = await db()
      .select({ status: jobs.status })
      .from(jobs)
      .where(and(eq(jobs.function, 'notify-customer'), eq(jobs.subjectId, invoice.id)));
    expect(runs).toEqual([{ status: 'completed' }]);
    // The rules' reader says so too, for the form's warning.
    expect((await getCommunicationRules(ctx())).configured).toEqual({ email: true, sms: true, whatsapp: false });
  });

  it('skips a text to a customer without a phone number, saying why', async () => {
    const { server, sms } = await gateways();
    await configure(server.url);
    await rules({ payment_received: { ...defaultCommunicationRules.payment_received, channels: channels(true, true, false) } });
    const invoice = await givenInvoiceFor(null);

    await markInvoicePaid(ctx(), { id: invoice.id });
    await dispatchPending(db(), runtime);

    expect(sms()).toEqual([]);
    expect(await mails(invoice.id)).toEqual([{ template: 'payment_received' }]);
    expect((await log(invoice.id)).map((l) => [l.channel, l.status, l.detail])).toEqual([
      ['email', 'sent', null],
      ['sms', 'skipped', 'SMS skipped: the customer has no phone number'],
    ]);
  });
});

describe('a retried notification', () => {
  it('sends again only on the channel that failed, and a redelivered event sends nothing', async () => {
    let refusals = 1;
    const { server, sms, whatsapp } = await gateways((request) =>
      request.url.endsWith('/messages/document') && refusals-- > 0 ? { status: 503, body: 'busy' } : { status: 200, body: { id: 'm-1' } },
    );
    await configure(server.url);
    await rules({ payment_received: { ...defaultCommunicationRules.payment_received, channels: channels(true, true, true) } });
    const invoice = await givenInvoiceFor();

    await markInvoicePaid(ctx(), { id: invoice.id });
    await dispatchPending(db(), runtime);
    await redeliver();

    expect(await mails(invoice.id)).toHaveLength(1);
    expect(sms()).toHaveLength(1);
    expect(whatsapp()).toHaveLength(2);
    expect((await log(invoice.id)).map((l) => [l.channel, l.status])).toEqual([
      ['email', 'sent'],
      ['sms', 'sent'],
      ['whatsapp', 'failed'],
      ['whatsapp', 'sent'],
    ]);
    const [run] = await db().select({ status: jobs.status, attempts: jobs.attempts }).from(jobs).where(eq(jobs.subjectId, invoice.id));
    expect(run).toEqual({ status: 'completed', attempts: 2 });
  });
});

describe('dunning by the rules', () => {
  it('reminds by SMS only when that is the rule, once however often it runs', async () => {
    const { server, sms } = await gateways();
    await configure(server.url);
    await rules({ reminder: { ...defaultCommunicationRules.reminder, channels: channels(false, true, false), sms_text: '{invoice_number} due {due_date}' } });
    const invoice = await givenInvoiceFor();
    const [row] = await db().select({ dueDate: invoices.dueDate }).from(invoices).where(eq(invoices.id, invoice.id));
    const day = addDays(row!.dueDate, -3);

    await runDunning(at(day), { date: day, origin });
    expect(await runDunning(at(day), { date: day, origin })).toMatchObject({ remindersSent: 0 });

    // Earlier tests' invoices fall due that day too: this one's reminder is the one to look at.
    expect(sms().filter((m) => m.text.startsWith(invoice.number!))).toEqual([
      { to: '+4915112345678', text: `${invoice.number} due ${formatDay(row!.dueDate)}` },
    ]);
    expect(await mails(invoice.id)).toEqual([]);
  });

  it('tells of a suspension and the reactivation when their rules name a channel', async () => {
    const { server, sms, whatsapp } = await gateways();
    await configure(server.url);
    await rules({
      suspended: { ...defaultCommunicationRules.suspended, channels: channels(true, true, false) },
      reactivated: { ...defaultCommunicationRules.reactivated, channels: channels(false, false, true) },
    });
    const product = await givenProduct(db(), { monthly: 2000 });
    const customer = await givenCustomer(db(), { name: 'Ada Lovelace', phone: '+4915112345678' });
    const order = await placeOrder(
      at('2026-05-01'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    await markInvoicePaid(at('2026-05-01'), { id: order.invoiceId! });
    await runOrderActivation(db(), order.id, at('2026-05-01').now);
    await runBilling(at('2026-05-28'), { date: '2026-05-28' });
    const [renewal] = await db()
      .select()
      .from(invoices)
      .where(and(eq(invoices.orderId, order.id), eq(invoices.purpose, 'renewal')));
    const late = addDays(renewal!.dueDate, 20);
    expect(await runDunning(at(late), { date: late, origin })).toMatchObject({ ordersSuspended: 1 });
    await markInvoicePaid(at(late), { id: renewal!.id });
    const [after] = await db().select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    expect(after!.status).toBe('active');
    await dispatchPending(db(), runtime);
    await redeliver();

    expect(sms().filter((m) => m.text.includes('suspended'))).toHaveLength(1);
    expect(whatsapp().map((m) => m.get('caption')!.split('\n')[0])).toEqual([
      `Hello Ada Lovelace, thank you for paying invoice ${renewal!.number}: your service is running again.`,
    ]);
    expect((await mails(renewal!.id)).map((m) => m.template)).toContain('service_suspended');
  });
});

describe('the rules’ texts', () => {
  it('refuse a placeholder that does not exist, naming it on its field', () => {
    const result = communicationRulesInput.safeParse({
      ...defaultCommunicationRules,
      overdue: { ...defaultCommunicationRules.overdue, sms_text: 'Pay {amount} for {invoice}, {name}!', whatsapp_text: '' },
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['overdue.sms_text', 'unknown placeholders {invoice}, {name}'],
      ['overdue.whatsapp_text', 'is required'],
    ]);
  });

  it('are stored and read back, and nothing saved reads as e-mail for what e-mailed before', async () => {
    expect((await getCommunicationRules(ctx())).rules).toEqual(defaultCommunicationRules);
    expect(Object.entries(defaultCommunicationRules).map(([event, rule]) => [event, rule.channels.email])).toEqual([
      ['invoice_created', true],
      ['reminder', true],
      ['overdue', true],
      ['suspended', false],
      ['reactivated', false],
      ['payment_received', true],
    ]);
    const saved = await rules({ overdue: { channels: channels(false, true, false), sms_text: 'Overdue: {invoice_number}', whatsapp_text: 'x' } });
    expect((await getCommunicationRules(ctx())).rules).toEqual(saved.rules);
    expect(saved.rules.overdue.sms_text).toBe('Overdue: {invoice_number}');
  });
});
