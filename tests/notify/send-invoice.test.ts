import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLog, emailOutbox, invoiceNotifications, invoices } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { type Notifier } from '@/server/notify/notifier';
import { resendTransport, smsGateway, ultramsg } from '@/server/notify/transports';
import { sendInvoice } from '@/server/services/invoices/send';
import { withTestDatabase } from '../support/database';
import { fakeHttp, type Recorded, type Reply } from '../support/fake-http';
import { ctxOf, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const ctx = () => ctxOf(db(), systemActor());
const origin = 'https://billing.example.test';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function fake(reply: (request: Recorded) => Reply) {
  const server = await fakeHttp(reply);
  closers.push(server.close);
  return server;
}

async function givenSendable(phone: string | null = '+4915112345678') {
  const customer = await givenCustomer(db(), { phone: phone ?? undefined });
  const invoice = await givenInvoice(db(), { customerId: customer.id, total: 12_345n });
  return { customer, invoice };
}

const noChannels = (email: Notifier['email']): Notifier => ({ email, sms: null, whatsapp: null });
const log = async (invoiceId: string) => db().select().from(invoiceNotifications).where(eq(invoiceNotifications.invoiceId, invoiceId));

describe('sending an invoice by e-mail', () => {
  it('keeps it in the dev outbox when no provider is configured, with the PDF named and the send logged', async () => {
    const { customer, invoice } = await givenSendable();
    const entry = await sendInvoice(ctx(), { id: invoice.id, channel: 'email', origin });

    expect(entry).toMatchObject({ channel: 'email', recipient: customer.email, status: 'sent', triggeredBy: 'system' });
    const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.invoiceId, invoice.id));
    expect(entry.providerMessageId).toBe(`outbox:${mail!.id}`);
    expect(mail!.subject).toBe(`Invoice ${invoice.number} from Cashdesk`);
    expect(mail!.text).toContain('Amount due: $123.45');
    expect(mail!.html).toContain(`${origin}/p/invoice/${invoice.id}?token=`);
    expect(mail!.attachments).toEqual([`${invoice.number}.pdf`]);
  });

  it('sends through Resend’s API with the key, an idempotency key and the PDF attached', async () => {
    const resend = await fake(() => ({ status: 200, body: { id: '4ef9a417-02e9-4d39-ad75-9611e0fcc33c' } }));
    const { customer, invoice } = await givenSendable();
    const transport = resendTransport({ apiKey: 're_test_123', from: 'Acme Billing <billing@acme.test>', baseUrl: resend.url });
    const entry = await sendInvoice(ctx(), { id: invoice.id, channel: 'email', origin, eventId: 'evt-1' }, noChannels(transport));

    expect(entry).toMatchObject({ status: 'sent', providerMessageId: '4ef9a417-02e9-4d39-ad75-9611e0fcc33c' });
    expect(resend.requests).toHaveLength(1);
    const [request] = resend.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/emails' });
    expect(request!.headers.authorization).toBe('Bearer re_test_123');
    expect(request!.headers['idempotency-key']).toBe(`${invoice.id}:invoice_created:evt-1`);
    const body = JSON.parse(request!.body) as {
      from: string;
      to: string;
      subject: string;
      html: string;
      text: string;
      attachments: Array<{ filename: string; content: string }>;
    };
    expect(body).toMatchObject({ from: 'Acme Billing <billing@acme.test>', to: customer.email, subject: `Invoice ${invoice.number} from Cashdesk` });
    expect(body.text).toContain('Amount due: $123.45');
    expect(body.attachments[0]!.filename).toBe(`${invoice.number}.pdf`);
    expect(Buffer.from(body.attachments[0]!.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('logs a refused send with the provider’s words and leaves the invoice as it was', async () => {
    const resend = await fake(() => ({ status: 422, body: { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' } }));
    const { invoice } = await givenSendable();
    const [before] = await db().select().from(invoices).where(eq(invoices.id, invoice.id));
    const entry = await sendInvoice(
      ctx(),
      { id: invoice.id, channel: 'email', origin },
      noChannels(resendTransport({ apiKey: 're_x', from: 'a@b.test', baseUrl: resend.url })),
    );

    expect(entry.status).toBe('failed');
    expect(entry.detail).toContain('Invalid `to` field.');
    const [after] = await db().select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(after).toEqual(before);
    const audits = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'invoice'), eq(auditLog.entityId, invoice.id)));
    expect(audits.map((a) => a.action)).toContain('invoice.send_failed');
  });

  it('sends one event once, however often and however concurrently it is retried', async () => {
    const resend = await fake(() => ({ status: 200, body: { id: `msg-${Math.random()}` } }));
    const { invoice } = await givenSendable();
    const notifier = noChannels(resendTransport({ apiKey: 're_x', from: 'a@b.test', baseUrl: resend.url }));
    const send = () => sendInvoice(ctx(), { id: invoice.id, channel: 'email', origin, template: 'payment_reminder', eventId: 'dunning:2026-12-27' }, notifier);

    const entries = await Promise.all(Array.from({ length: 6 }, send));
    const again = await send();
    expect(resend.requests).toHaveLength(1);
    expect(new Set([...entries, again].map((e) => e.id)).size).toBe(1);
    expect(await log(invoice.id)).toHaveLength(1);
  });

  it('finishes a send its own run left half-done when the server died, and leaves another sender’s fresh claim alone', async () => {
    const resend = await fake(() => ({ status: 200, body: { id: 'msg-resumed' } }));
    const { invoice } = await givenSendable();
    const notifier = noChannels(resendTransport({ apiKey: 're_x', from: 'a@b.test', baseUrl: resend.url }));
    const eventId = 'payment-received:pay-1';
    // The earlier attempt claimed the send a moment ago, then its process was killed.
    await db()
      .insert(invoiceNotifications)
      .values({
        invoiceId: invoice.id,
        channel: 'email',
        recipient: 'x@example.test',
        status: 'sending',
        triggeredBy: 'system',
        dedupeKey: `payment_received:${eventId}`,
        at: ctx().now,
      });
    const send = (ownRun: boolean) => sendInvoice(ctx(), { id: invoice.id, channel: 'email', origin, template: 'payment_received', eventId, ownRun }, notifier);

    // Anyone else finds it being sent and sends nothing.
    expect((await send(false)).status).toBe('sending');
    expect(resend.requests).toHaveLength(0);
    // The event's own run, resumed after the restart, sends it, under the key the provider dedupes on.
    expect(await send(true)).toMatchObject({ status: 'sent', providerMessageId: 'msg-resumed' });
    expect(resend.requests).toHaveLength(1);
    expect(resend.requests[0]!.headers['idempotency-key']).toBe(`${invoice.id}:payment_received:${eventId}`);
    expect(await log(invoice.id)).toHaveLength(1);
  });
});

describe('sending by SMS and WhatsApp', () => {
  it('posts the SMS gateway’s body template with the auth header, JSON-escaped', async () => {
    const gateway = await fake(() => ({ status: 200, body: { message_id: 'sms-981' } }));
    const { invoice } = await givenSendable('+4915112345678');
    const sms = smsGateway({
      url: `${gateway.url}/v1/sms`,
      method: 'POST',
      auth_header: 'Authorization: Bearer gw-secret',
      body_template: '{"to":"{to}","text":"{message}","sender":"Acme"}',
    });
    const entry = await sendInvoice(
      ctx(),
      { id: invoice.id, channel: 'sms', origin },
      { email: resendTransport({ apiKey: 'x', from: 'x' }), sms, whatsapp: null },
    );

    expect(entry).toMatchObject({ status: 'sent', providerMessageId: 'sms-981', recipient: '+4915112345678' });
    const [request] = gateway.requests;
    expect(request!.headers.authorization).toBe('Bearer gw-secret');
    const body = JSON.parse(request!.body) as { to: string; text: string; sender: string };
    expect(body.to).toBe('+4915112345678');
    expect(body.text).toContain(`Invoice ${invoice.number}, $123.45 due`);
    expect(body.text).toContain(`${origin}/p/invoice/${invoice.id}?token=`);
  });

  it('sends the PDF to WhatsApp as an Ultramsg document with the public link in the caption', async () => {
    const api = await fake(() => ({ status: 200, body: { sent: 'true', message: 'ok', id: 4211 } }));
    const { invoice } = await givenSendable('+4915112345678');
    const whatsapp = ultramsg({ base_url: api.url, instance: 'instance1150', token: 'ultra-token' });
    const entry = await sendInvoice(
      ctx(),
      { id: invoice.id, channel: 'whatsapp', origin },
      { email: resendTransport({ apiKey: 'x', from: 'x' }), sms: null, whatsapp },
    );

    expect(entry).toMatchObject({ status: 'sent', providerMessageId: '4211' });
    const [request] = api.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/instance1150/messages/document' });
    const form = new URLSearchParams(request!.body);
    expect(form.get('token')).toBe('ultra-token');
    expect(form.get('to')).toBe('+4915112345678');
    expect(form.get('filename')).toBe(`${invoice.number}.pdf`);
    expect(Buffer.from(form.get('document')!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(form.get('caption')).toContain(`${origin}/p/invoice/${invoice.id}?token=`);
  });

  it('logs Ultramsg’s refusal (an error in a 200 answer) as a failed send', async () => {
    const api = await fake(() => ({ status: 200, body: { error: [{ to: 'Wrong phone number' }] } }));
    const { invoice } = await givenSendable('+1');
    const whatsapp = ultramsg({ base_url: api.url, instance: 'i1', token: 't' });
    const entry = await sendInvoice(
      ctx(),
      { id: invoice.id, channel: 'whatsapp', origin },
      { email: resendTransport({ apiKey: 'x', from: 'x' }), sms: null, whatsapp },
    );
    expect(entry).toMatchObject({ status: 'failed' });
    expect(entry.detail).toContain('Wrong phone number');
  });

  it('says why it cannot send: no phone on the customer, or a channel not configured', async () => {
    const noPhone = await givenSendable(null);
    const sms = smsGateway({ url: 'http://127.0.0.1:9/never-called', method: 'POST', auth_header: '', body_template: '{"to":"{to}"}' });
    await expect(
      sendInvoice(ctx(), { id: noPhone.invoice.id, channel: 'sms', origin }, { email: resendTransport({ apiKey: 'x', from: 'x' }), sms, whatsapp: null }),
    ).rejects.toMatchObject({
      code: 'validation',
      fields: { channel: 'needs a phone number on the customer' },
    });
    const { invoice } = await givenSendable();
    await expect(sendInvoice(ctx(), { id: invoice.id, channel: 'whatsapp', origin })).rejects.toMatchObject({
      code: 'invalid_state',
      message: 'WhatsApp is not configured: set it up in Settings → Communication',
    });
    expect(await log(invoice.id)).toEqual([]);
  });

  it('refuses staff without invoices.edit', async () => {
    const { invoice } = await givenSendable();
    const viewer = await givenUser(db(), 'staff', { permissions: ['invoices.view'] });
    await expect(sendInvoice(ctxOf(db(), viewer.actor), { id: invoice.id, channel: 'email', origin })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
