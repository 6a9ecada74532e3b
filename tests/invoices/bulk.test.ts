import { eq, inArray } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { POST as bulkMarkPaidRoute } from '@/app/api/v1/invoices/bulk/mark-paid/route';
import { auditLog, invoiceNotifications, payments } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { invoicePdfZip } from '@/server/documents/invoice-zip';
import { bulkMarkPaid, bulkSendReminder } from '@/server/services/invoices/bulk';
import { cancelInvoice } from '@/server/services/invoices/cancel';
import { getInvoice } from '@/server/services/invoices/get';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenApiKey, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
const now = new Date('2026-03-10T12:00:00Z');
const system = () => ctxOf(db(), systemActor(), now);
const paymentsOf = (ids: string[]) =>
  db().select({ invoiceId: payments.invoiceId, amount: payments.amount }).from(payments).where(inArray(payments.invoiceId, ids));

describe('bulk mark paid', () => {
  it('pays the payable invoices, reports each other one with its reason, and undoes nothing for a refusal', async () => {
    const admin = await givenUser(db(), 'admin');
    const customer = await givenCustomer(db());
    const payable = await givenInvoice(db(), { customerId: customer.id, total: 1500n });
    const alsoPayable = await givenInvoice(db(), { customerId: customer.id, total: 2500n });
    const draft = await givenInvoice(db(), { customerId: customer.id, status: 'draft' });
    const cancelled = await givenInvoice(db(), { customerId: customer.id });
    await cancelInvoice(system(), { id: cancelled.id });
    const madeUp = '00000000-0000-4000-8000-000000000000';

    const result = await bulkMarkPaid(ctxOf(db(), admin.actor, now), {
      ids: [payable.id, draft.id, cancelled.id, alsoPayable.id, madeUp],
      method: 'cash',
      reference: 'Till 3',
    });

    expect(new Set(result.succeeded.map((s) => s.id))).toEqual(new Set([payable.id, alsoPayable.id]));
    expect(result.succeeded.find((s) => s.id === payable.id)?.number).toBe(payable.number);
    expect(Object.fromEntries(result.failed.map((f) => [f.id, f.code]))).toEqual({
      [draft.id]: 'invalid_state',
      [cancelled.id]: 'invalid_state',
      [madeUp]: 'not_found',
    });
    expect(result.failed.every((f) => f.message.length > 0)).toBe(true);
    const paid = await paymentsOf([payable.id, alsoPayable.id, draft.id, cancelled.id]);
    expect(paid.map((p) => [p.invoiceId, p.amount]).sort()).toEqual(
      [
        [payable.id, 1500n],
        [alsoPayable.id, 2500n],
      ].sort(),
    );
    expect((await getInvoice(system(), { id: payable.id })).status).toBe('paid');
    const audits = await db().select({ entityId: auditLog.entityId, action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, alsoPayable.id));
    expect(audits.some((a) => a.action.startsWith('invoice.payment'))).toBe(true);

    // Repeating it pays nothing twice: every invoice now fails, and no payment is added.
    const again = await bulkMarkPaid(ctxOf(db(), admin.actor, now), { ids: [payable.id, alsoPayable.id] });
    expect(again.succeeded).toEqual([]);
    expect(again.failed.map((f) => f.code)).toEqual(['invalid_state', 'invalid_state']);
    expect(await paymentsOf([payable.id, alsoPayable.id])).toHaveLength(2);
  });

  it('two bulk calls at once over the same invoices pay each invoice once', async () => {
    const admin = await givenUser(db(), 'admin');
    const [first, second] = [await givenCustomer(db()), await givenCustomer(db())];
    const invoices = [
      await givenInvoice(db(), { customerId: first.id, total: 700n }),
      await givenInvoice(db(), { customerId: second.id, total: 800n }),
      await givenInvoice(db(), { customerId: first.id, total: 900n }),
      await givenInvoice(db(), { customerId: second.id, total: 1000n }),
    ];
    const ids = invoices.map((i) => i.id);

    const [a, b] = await Promise.all([
      bulkMarkPaid(ctxOf(db(), admin.actor, now), { ids }),
      bulkMarkPaid(ctxOf(db(), admin.actor, now), { ids: [...ids].reverse() }),
    ]);

    const succeeded = [...a.succeeded, ...b.succeeded].map((s) => s.id).sort();
    expect(succeeded).toEqual([...ids].sort());
    expect([...a.failed, ...b.failed].every((f) => f.code === 'invalid_state')).toBe(true);
    const paid = await paymentsOf(ids);
    expect(paid).toHaveLength(4);
    expect(paid.reduce((sum, p) => sum + p.amount, 0n)).toBe(3400n);
  });

  it("acts on a reseller's book only: other invoices fail as not found and stay unpaid (REST twin too)", async () => {
    const reseller = await givenUser(db(), 'reseller');
    const rival = await givenUser(db(), 'reseller');
    const own = await givenInvoice(db(), { customerId: (await givenCustomer(db(), { reseller_id: reseller.id })).id });
    const ownToo = await givenInvoice(db(), { customerId: (await givenCustomer(db(), { reseller_id: reseller.id })).id });
    const rivals = await givenInvoice(db(), { customerId: (await givenCustomer(db(), { reseller_id: rival.id })).id });
    const desks = await givenInvoice(db());

    const result = await bulkMarkPaid(ctxOf(db(), reseller.actor, now), { ids: [own.id, rivals.id, desks.id] });
    expect(result.succeeded.map((s) => s.id)).toEqual([own.id]);
    expect(result.failed.map((f) => ({ id: f.id, number: f.number, code: f.code })).sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [
        { id: rivals.id, number: null, code: 'not_found' },
        { id: desks.id, number: null, code: 'not_found' },
      ].sort((x, y) => x.id.localeCompare(y.id)),
    );
    expect(await paymentsOf([rivals.id, desks.id])).toEqual([]);

    const key = await givenApiKey(db(), 'reseller', reseller.id);
    const response = await bulkMarkPaidRoute(
      apiRequest('/api/v1/invoices/bulk/mark-paid', { method: 'POST', key, body: { ids: [ownToo.id, rivals.id], method: 'cash' } }),
      params(),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.succeeded).toEqual([{ id: ownToo.id, number: ownToo.number }]);
    expect(body.failed).toEqual([{ id: rivals.id, number: null, code: 'not_found', message: 'Invoice not found' }]);

    const viewer = await givenUser(db(), 'reseller', { permissions: ['invoices.view'] });
    const refused = await bulkMarkPaidRoute(
      apiRequest('/api/v1/invoices/bulk/mark-paid', { method: 'POST', key: await givenApiKey(db(), 'reseller', viewer.id), body: { ids: [own.id] } }),
      params(),
    );
    expect(refused.status).toBe(403);
  });
});

describe('bulk reminders', () => {
  it('reminds the open invoices once per click, and refuses those that owe nothing', async () => {
    const admin = await givenUser(db(), 'admin');
    const customer = await givenCustomer(db());
    const open = await givenInvoice(db(), { customerId: customer.id });
    const settled = await givenInvoice(db(), { customerId: customer.id });
    await bulkMarkPaid(system(), { ids: [settled.id] });
    const click = { ids: [open.id, settled.id], channel: 'email' as const, origin: 'https://desk.example.test', eventId: 'click-0001' };

    const result = await bulkSendReminder(ctxOf(db(), admin.actor, now), click);
    expect(result.succeeded.map((s) => s.id)).toEqual([open.id]);
    expect(result.failed).toMatchObject([{ id: settled.id, code: 'invalid_state' }]);
    // The same click again (a retry) finds its log entry and sends nothing twice.
    expect((await bulkSendReminder(ctxOf(db(), admin.actor, now), click)).succeeded.map((s) => s.id)).toEqual([open.id]);
    const log = await db().select().from(invoiceNotifications).where(eq(invoiceNotifications.invoiceId, open.id));
    expect(log.map((n) => [n.status, n.dedupeKey])).toEqual([['sent', 'payment_reminder:click-0001']]);
  });
});

describe('Download PDFs', () => {
  it("zips each chosen invoice's PDF, leaves out those outside the reseller's book, and finds nothing when none is left", async () => {
    const reseller = await givenUser(db(), 'reseller');
    const customer = await givenCustomer(db(), { reseller_id: reseller.id });
    const [first, second] = [await givenInvoice(db(), { customerId: customer.id }), await givenInvoice(db(), { customerId: customer.id })];
    const [draft, otherDraft] = [
      await givenInvoice(db(), { customerId: customer.id, status: 'draft' }),
      await givenInvoice(db(), { customerId: customer.id, status: 'draft' }),
    ];
    const elsewhere = await givenInvoice(db());
    const origin = 'https://desk.example.test';

    const zip = await invoicePdfZip(ctxOf(db(), reseller.actor, now), { ids: [first.id, elsewhere.id, second.id, draft.id, otherDraft.id], origin });
    const files = unzipSync(zip.bytes);
    const names = Object.keys(files).sort();
    expect(names).toHaveLength(4);
    expect(names.filter((n) => n.includes(first.number!) || n.includes(second.number!))).toHaveLength(2);
    expect(names.some((n) => n.includes(elsewhere.number!))).toBe(false);
    // Two drafts share a file name: the second gets its own.
    expect(new Set(names).size).toBe(4);
    for (const bytes of Object.values(files)) expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');

    await expect(invoicePdfZip(ctxOf(db(), reseller.actor, now), { ids: [elsewhere.id], origin })).rejects.toMatchObject({ code: 'not_found' });
  });
});
