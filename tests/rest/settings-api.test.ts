import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as preview } from '@/app/api/v1/email-templates/[template]/preview/route';
import { PUT as putTemplate } from '@/app/api/v1/email-templates/[template]/route';
import { GET as listTemplates } from '@/app/api/v1/email-templates/route';
import { POST as retry } from '@/app/api/v1/jobs/[id]/retry/route';
import { GET as outboxMessage } from '@/app/api/v1/outbox/[id]/route';
import { GET as outbox } from '@/app/api/v1/outbox/route';
import { GET as getAutomation, PATCH as patchAutomation } from '@/app/api/v1/settings/automation/route';
import { GET as getCommunication, PUT as putCommunication } from '@/app/api/v1/settings/communication/route';
import { GET as getRules, PUT as putRules } from '@/app/api/v1/settings/communication/rules/route';
import { GET as getCompany, PATCH as patchCompany } from '@/app/api/v1/settings/company/route';
import { GET as getPayments, PUT as putPayments } from '@/app/api/v1/settings/payments/route';
import { GET as getSecurity, PATCH as patchSecurity } from '@/app/api/v1/settings/security/route';
import { POST as runWorkflow } from '@/app/api/v1/workflows/[id]/run/route';
import { auditLog, jobs } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { defaultCommunicationRules } from '@/server/schemas/communication';
import { sendInvoice } from '@/server/services/invoices/send';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenInvoice, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
type Handler = (request: Request, route: ReturnType<typeof params>) => Promise<Response>;

let admin: string;
let staffKey: string;
let resellerKey: string;

async function call(handler: Handler, path: string, init: { method?: string; key?: string; body?: unknown; values?: Record<string, string> } = {}) {
  const response = await handler(
    apiRequest(path, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), key: init.key ?? admin, body: init.body }),
    params(init.values ?? {}),
  );
  return { status: response.status, body: await response.json() };
}

const lastAudit = async (entityId: string) =>
  (await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(desc(auditLog.id)).limit(1))[0]?.action;

beforeAll(async () => {
  admin = await givenApiKey(db(), 'admin');
  // A staff key holds the default staff permissions, none of them settings.manage or billing.run.
  staffKey = await givenApiKey(db(), 'staff');
  resellerKey = await givenApiKey(db(), 'reseller', (await givenUser(db(), 'reseller')).id);
});

describe('settings blocks', () => {
  it('patches the seller’s fields one at a time, keeping the rest; a bad e-mail is a 400', async () => {
    expect((await call(patchCompany, '/api/v1/settings/company', { method: 'PATCH', body: { name: 'Acme Hosting', tax_id: 'DE123456789' } })).status).toBe(200);
    const patched = await call(patchCompany, '/api/v1/settings/company', { method: 'PATCH', body: { email: 'billing@acme.test' } });
    expect(patched.body).toMatchObject({ name: 'Acme Hosting', tax_id: 'DE123456789', email: 'billing@acme.test' });
    expect((await call(getCompany, '/api/v1/settings/company')).body).toEqual(patched.body);
    const bad = await call(patchCompany, '/api/v1/settings/company', { method: 'PATCH', body: { email: 'nope', colour: 'red' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['email']));
  });

  it('reads and replaces the payment settings without ever answering a secret', async () => {
    const body = {
      stripe: { enabled: true, secret_key: 'sk_test_abc', webhook_secret: '' },
      paypal: { enabled: false, mode: 'sandbox', client_id: '', client_secret: '', webhook_id: '' },
      bank_transfer: { enabled: true, instructions: 'IBAN DE00 0000' },
      credit_enabled: true,
      terms_url: '',
    };
    const put = await call(putPayments, '/api/v1/settings/payments', { method: 'PUT', body });
    expect(put).toMatchObject({ status: 200, body: { stripe: { secret_key: 'settings' }, bank_transfer: { instructions: 'IBAN DE00 0000' } } });
    expect(JSON.stringify((await call(getPayments, '/api/v1/settings/payments')).body)).not.toContain('sk_test_abc');
    const bad = await call(putPayments, '/api/v1/settings/payments', { method: 'PUT', body: { ...body, stripe: { ...body.stripe, secret_key: 'pk_live_x' } } });
    expect(bad).toMatchObject({ status: 400, body: { error: { fields: { 'stripe.secret_key': expect.stringMatching(/Stripe secret key/) } } } });
  });

  it('switches the messaging channels off and refuses a WhatsApp setup without its instance', async () => {
    const off = await call(putCommunication, '/api/v1/settings/communication', { method: 'PUT', body: { sms: null, whatsapp: null } });
    expect(off).toEqual({ status: 200, body: { sms: null, whatsapp: null } });
    expect((await call(getCommunication, '/api/v1/settings/communication')).body).toEqual({ sms: null, whatsapp: null });
    const bad = await call(putCommunication, '/api/v1/settings/communication', { method: 'PUT', body: { whatsapp: { token: 'x' } } });
    expect(bad).toMatchObject({ status: 400, body: { error: { fields: { 'whatsapp.instance': expect.any(String) } } } });
  });

  it('reads and replaces the communication rules; an unknown placeholder is a 400 naming it', async () => {
    const read = await call(getRules, '/api/v1/settings/communication/rules');
    expect(read.body.rules.payment_received.channels).toEqual({ email: true, sms: false, whatsapp: false });
    const rules = {
      ...defaultCommunicationRules,
      payment_received: { ...defaultCommunicationRules.payment_received, channels: { email: false, sms: true, whatsapp: true } },
    };
    const saved = await call(putRules, '/api/v1/settings/communication/rules', { method: 'PUT', body: rules });
    expect(saved).toMatchObject({ status: 200, body: { rules: { payment_received: { channels: { email: false, sms: true, whatsapp: true } } } } });
    expect((await call(getRules, '/api/v1/settings/communication/rules')).body).toEqual(saved.body);
    const bad = await call(putRules, '/api/v1/settings/communication/rules', {
      method: 'PUT',
      body: { ...rules, overdue: { ...rules.overdue, whatsapp_text: 'Pay {amount} by {due}' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ 'overdue.whatsapp_text': 'unknown placeholder {due}' });
    await call(putRules, '/api/v1/settings/communication/rules', { method: 'PUT', body: defaultCommunicationRules });
  });

  it('sets the schedules’ time zone and the two-factor rule', async () => {
    expect((await call(patchAutomation, '/api/v1/settings/automation', { method: 'PATCH', body: { time_zone: 'europe/berlin' } })).body).toEqual({
      time_zone: 'Europe/Berlin',
    });
    expect((await call(getAutomation, '/api/v1/settings/automation')).body).toEqual({ time_zone: 'Europe/Berlin' });
    expect((await call(patchAutomation, '/api/v1/settings/automation', { method: 'PATCH', body: { time_zone: 'Mars/Olympus' } })).status).toBe(400);
    expect((await call(patchSecurity, '/api/v1/settings/security', { method: 'PATCH', body: { require_two_factor: true } })).body).toEqual({
      require_two_factor: true,
    });
    expect((await call(getSecurity, '/api/v1/settings/security')).body).toEqual({ require_two_factor: true });
    expect((await call(patchSecurity, '/api/v1/settings/security', { method: 'PATCH', body: { require_two_factor: 'yes' } })).status).toBe(400);
    await call(patchSecurity, '/api/v1/settings/security', { method: 'PATCH', body: { require_two_factor: false } });
  });

  it('refuses every settings path to a staff or reseller key', async () => {
    for (const key of [staffKey, resellerKey]) {
      expect((await call(getCompany, '/api/v1/settings/company', { key })).status).toBe(403);
      expect((await call(patchCompany, '/api/v1/settings/company', { method: 'PATCH', key, body: { name: 'x' } })).status).toBe(403);
      expect((await call(getPayments, '/api/v1/settings/payments', { key })).status).toBe(403);
      expect((await call(putCommunication, '/api/v1/settings/communication', { method: 'PUT', key, body: { sms: null, whatsapp: null } })).status).toBe(403);
      expect((await call(patchAutomation, '/api/v1/settings/automation', { method: 'PATCH', key, body: { time_zone: 'UTC' } })).status).toBe(403);
      expect((await call(patchSecurity, '/api/v1/settings/security', { method: 'PATCH', key, body: { require_two_factor: false } })).status).toBe(403);
    }
  });
});

describe('e-mail templates and the outbox', () => {
  it('edits a template, previews it on sample data and lists it as edited', async () => {
    const text = { subject: 'Your invoice {number}', intro: 'Thanks for staying with us.' };
    const values = { template: 'invoice_created' };
    const saved = await call(putTemplate, '/api/v1/email-templates/invoice_created', { method: 'PUT', body: text, values });
    expect(saved).toMatchObject({ status: 200, body: { key: 'invoice_created', subject: 'Your invoice {number}', edited: true } });
    expect((await call(listTemplates, '/api/v1/email-templates')).body.data).toEqual(expect.arrayContaining([saved.body]));
    const shown = await call(preview, '/api/v1/email-templates/invoice_created/preview', { body: { ...text, intro: 'Preview only' }, values });
    expect(shown.body.subject).toMatch(/^Your invoice INV-/);
    expect(shown.body.html).toContain('Preview only');
    expect((await call(putTemplate, '/api/v1/email-templates/nope', { method: 'PUT', body: text, values: { template: 'nope' } })).status).toBe(400);
    expect((await call(putTemplate, '/api/v1/email-templates/invoice_created', { method: 'PUT', body: { subject: '' }, values })).status).toBe(400);
    expect((await call(putTemplate, '/api/v1/email-templates/invoice_created', { method: 'PUT', key: staffKey, body: text, values })).status).toBe(403);
  });

  it('lists the outbox and opens one message', async () => {
    const invoice = await givenInvoice(db());
    await sendInvoice(ctxOf(db(), systemActor()), { id: invoice.id, channel: 'email', origin: 'http://localhost' });
    const listed = await call(outbox, '/api/v1/outbox?limit=1');
    expect(listed.body.data).toEqual([expect.objectContaining({ invoice_id: invoice.id })]);
    expect(listed.body.data[0].html).toBeUndefined();
    const id = listed.body.data[0].id;
    expect((await call(outboxMessage, `/api/v1/outbox/${id}`, { values: { id } })).body).toMatchObject({ id, html: expect.stringContaining('<') });
    expect((await call(outbox, '/api/v1/outbox?limit=0')).status).toBe(400);
    expect((await call(outbox, '/api/v1/outbox', { key: resellerKey })).status).toBe(403);
  });
});

describe('the automator over REST', () => {
  it('retries a failed job once; one that did not fail is a 409', async () => {
    const [failed] = await db()
      .insert(jobs)
      .values({ function: 'activate-order', subjectType: 'order', subjectId: 'x', status: 'failed', error: 'provider down', eventId: `authz-${Date.now()}` })
      .returning();
    const values = { id: failed!.id };
    expect(await call(retry, `/api/v1/jobs/${failed!.id}/retry`, { body: {}, values })).toEqual({ status: 200, body: { id: failed!.id, status: 'queued' } });
    expect(await lastAudit(failed!.id)).toBe('job.retried');
    expect((await call(retry, `/api/v1/jobs/${failed!.id}/retry`, { body: {}, values })).status).toBe(409);
    expect((await call(retry, `/api/v1/jobs/${failed!.id}/retry`, { key: staffKey, body: {}, values })).status).toBe(403);
    expect((await call(retry, '/api/v1/jobs/x/retry', { body: {}, values: { id: 'x' } })).status).toBe(400);
  });

  it('starts the dunning run for a date in the background; an unknown workflow is a 400', async () => {
    const started = await call(runWorkflow, '/api/v1/workflows/dunning/run', { body: {}, values: { id: 'dunning' } });
    expect(started).toMatchObject({ status: 202, body: { event_id: expect.stringMatching(/^manual:dunning:/) } });
    expect((await call(runWorkflow, '/api/v1/workflows/payroll/run', { body: {}, values: { id: 'payroll' } })).status).toBe(400);
    expect((await call(runWorkflow, '/api/v1/workflows/dunning/run', { key: staffKey, body: {}, values: { id: 'dunning' } })).status).toBe(403);
  });
});
