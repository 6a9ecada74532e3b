import { and, desc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditLog, invoiceNotifications, settings } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { communicationSettingsInput } from '@/server/schemas/communication';
import { sendInvoice } from '@/server/services/invoices/send';
import { getCommunication, updateCommunication } from '@/server/services/settings/communication';
import { withTestDatabase } from '../support/database';
import { fakeHttp, type Recorded, type Reply } from '../support/fake-http';
import { ctxOf, givenCustomer, givenInvoice } from '../support/fixtures';

const { db } = withTestDatabase();
const ctx = () => ctxOf(db(), systemActor());
const origin = 'https://billing.example.test';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function fake(reply: (request: Recorded) => Reply) {
  const server = await fakeHttp(reply);
  closers.push(server.close);
  return server;
}

const save = (input: unknown) => updateCommunication(ctx(), communicationSettingsInput.parse(input));
const stored = async () => JSON.stringify((await db().select({ value: settings.value }).from(settings).where(eq(settings.key, 'communication')))[0]?.value);
const lastAudit = async () => {
  const [row] = await db()
    .select({ before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'settings'), eq(auditLog.entityId, 'communication')))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return JSON.stringify(row);
};

async function givenSendable() {
  const customer = await givenCustomer(db(), { phone: '+4915112345678' });
  return givenInvoice(db(), { customerId: customer.id, total: 12_345n });
}

describe('SMS and WhatsApp credentials', () => {
  it('are sealed at rest, never read back, masked in the audit log, and an empty field keeps them', async () => {
    const gateway = await fake((request) => ({ status: 200, body: request.url.includes('/messages/document') ? { id: 9 } : { message_id: 'sms-1' } }));
    const view = await save({
      sms: { url: `${gateway.url}/sms`, method: 'POST', auth_header: 'Authorization: Bearer sms-secret-1', body_template: '{"to":"{to}","text":"{message}"}' },
      whatsapp: { base_url: gateway.url, instance: 'instance7', token: 'wa-secret-1' },
    });

    for (const shown of [view, await getCommunication(ctx())]) {
      expect(shown).toEqual({
        sms: { url: `${gateway.url}/sms`, method: 'POST', body_template: '{"to":"{to}","text":"{message}"}', auth_header_set: true },
        whatsapp: { base_url: gateway.url, instance: 'instance7', token_set: true },
      });
    }
    for (const text of [await stored(), await lastAudit()]) {
      expect(text).not.toContain('sms-secret-1');
      expect(text).not.toContain('wa-secret-1');
    }
    expect(await lastAudit()).toContain('••••');

    // Saved again with the secrets left empty (the form never has them): both still send.
    await save({
      sms: { url: `${gateway.url}/sms`, method: 'POST', body_template: '{"to":"{to}"}' },
      whatsapp: { base_url: gateway.url, instance: 'instance7' },
    });
    const invoice = await givenSendable();
    await sendInvoice(ctx(), { id: invoice.id, channel: 'sms', origin });
    await sendInvoice(ctx(), { id: invoice.id, channel: 'whatsapp', origin });
    expect(gateway.requests[0]!.headers.authorization).toBe('Bearer sms-secret-1');
    expect(new URLSearchParams(gateway.requests[1]!.body).get('token')).toBe('wa-secret-1');
  });

  it('reads values saved in plain text before sealing, and seals them on the next save', async () => {
    const gateway = await fake(() => ({ status: 200, body: { id: 1 } }));
    const legacy = {
      sms: { url: `${gateway.url}/sms`, method: 'POST', auth_header: 'X-Api-Key: legacy-key', body_template: '{"to":"{to}"}' },
      whatsapp: { base_url: gateway.url, instance: 'i1', token: 'legacy-token' },
    };
    await db()
      .insert(settings)
      .values({ key: 'communication', value: legacy })
      .onConflictDoUpdate({ target: settings.key, set: { value: legacy } });
    expect(await getCommunication(ctx())).toMatchObject({ sms: { auth_header_set: true }, whatsapp: { token_set: true } });

    const invoice = await givenSendable();
    await sendInvoice(ctx(), { id: invoice.id, channel: 'sms', origin });
    expect(gateway.requests[0]!.headers['x-api-key']).toBe('legacy-key');

    await save({ sms: { url: `${gateway.url}/sms`, method: 'POST', body_template: '{"to":"{to}"}' }, whatsapp: { base_url: gateway.url, instance: 'i1' } });
    expect(await stored()).not.toContain('legacy-key');
    expect(await stored()).not.toContain('legacy-token');
    expect(await lastAudit()).not.toContain('legacy-');
    await sendInvoice(ctx(), { id: invoice.id, channel: 'whatsapp', origin });
    expect(new URLSearchParams(gateway.requests[1]!.body).get('token')).toBe('legacy-token');
  });

  it('drops the SMS auth header when asked, and wants a WhatsApp token when none is saved', async () => {
    const gateway = await fake(() => ({ status: 200, body: { id: 1 } }));
    await save({ sms: { url: `${gateway.url}/sms`, auth_header: 'X-Api-Key: k1' }, whatsapp: null });
    expect(await save({ sms: { url: `${gateway.url}/sms`, remove_auth_header: true }, whatsapp: null })).toMatchObject({ sms: { auth_header_set: false } });
    await expect(save({ sms: null, whatsapp: { base_url: gateway.url, instance: 'i1' } })).rejects.toMatchObject({
      code: 'validation',
      fields: { 'whatsapp.token': 'is required' },
    });
  });
});

describe('gateway URLs that point to a private address', () => {
  it('are refused when saved, by number or by a name resolving to one', async () => {
    vi.stubEnv('CASHDESK_ALLOW_PRIVATE_URLS', '');
    await expect(
      save({ sms: { url: 'http://127.0.0.1:8080/sms' }, whatsapp: { base_url: 'http://localhost:9000', instance: 'i1', token: 't' } }),
    ).rejects.toMatchObject({
      code: 'validation',
      fields: { 'sms.url': 'points to a private address', 'whatsapp.base_url': 'points to a private address' },
    });
    await expect(save({ sms: { url: 'http://[::ffff:169.254.169.254]/latest' } })).rejects.toMatchObject({
      fields: { 'sms.url': 'points to a private address' },
    });
  });

  it('are not called when sending; the log keeps why, and only status and a short excerpt of an answer', async () => {
    const gateway = await fake(() => ({ status: 500, body: `internal\r\n\u0007stack trace ${'at handler '.repeat(60)}` }));
    await save({ sms: { url: `${gateway.url}/sms` }, whatsapp: null });
    const invoice = await givenSendable();

    vi.stubEnv('CASHDESK_ALLOW_PRIVATE_URLS', '');
    const blocked = await sendInvoice(ctx(), { id: invoice.id, channel: 'sms', origin });
    expect(gateway.requests).toHaveLength(0);
    expect(blocked).toMatchObject({ status: 'failed', detail: `SMS gateway was not called: 127.0.0.1 points to a private address` });

    vi.unstubAllEnvs();
    const failed = await sendInvoice(ctx(), { id: invoice.id, channel: 'sms', origin });
    expect(failed.detail!.startsWith('SMS gateway answered 500: internal stack trace at handler')).toBe(true);
    expect(failed.detail!.length).toBeLessThanOrEqual('SMS gateway answered 500: '.length + 200);
    expect(failed.detail).not.toMatch(/[\u0000-\u001f]/);
    const logged = await db().select({ detail: invoiceNotifications.detail }).from(invoiceNotifications).where(eq(invoiceNotifications.invoiceId, invoice.id));
    expect(logged.map((l) => l.detail)).toContain(failed.detail);
  });
});
