import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { webhookDeliveries, webhookEvents } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { correctInvoice } from '@/server/services/invoices/correct';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { changePlan } from '@/server/services/orders/change-plan';
import { placeOrder } from '@/server/services/orders/place';
import { createWebhookEndpoint } from '@/server/services/webhooks/endpoints';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenInvoice, givenProduct, runOrderActivation } from '../support/fixtures';

const { db } = withTestDatabase();
const at = (iso: string) => ctxOf(db(), systemActor(), new Date(iso));
let endpointId: string;

beforeAll(async () => {
  vi.stubEnv('CASHDESK_WEBHOOKS_ALLOW_PRIVATE', '1');
  endpointId = (await createWebhookEndpoint(at('2026-06-01T00:00:00Z'), { url: 'http://127.0.0.1:9/hooks', events: ['invoice.created'] })).id;
});
afterAll(() => vi.unstubAllEnvs());

/** The invoice.created deliveries queued for the endpoint about one document. */
const createdEventsFor = (invoiceId: string) =>
  db()
    .select({ type: webhookEvents.type, status: webhookDeliveries.status })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookEvents.subjectType, 'invoice'), eq(webhookEvents.subjectId, invoiceId)));

const note = (invoiceId: string, kind: 'credit_note' | 'debit_note') =>
  correctInvoice(at('2026-06-10T10:00:00Z'), {
    invoiceId,
    kind,
    items: [{ description: kind === 'credit_note' ? 'Goodwill' : 'Extra traffic', quantity: 1000n, unitPrice: 300n, taxRate: 0n }],
    reason: 'Correction',
  });

describe('documents that correct or prorate are invoice.created webhooks', () => {
  it('queues invoice.created for a credit note and a debit note', async () => {
    const invoice = await givenInvoice(db(), { total: 1000n });
    const credit = await note(invoice.id, 'credit_note');
    const debit = await note(invoice.id, 'debit_note');

    expect(credit).toMatchObject({ kind: 'credit_note' });
    expect(debit).toMatchObject({ kind: 'debit_note' });
    expect(await createdEventsFor(credit.id)).toEqual([{ type: 'invoice.created', status: 'pending' }]);
    expect(await createdEventsFor(debit.id)).toEqual([{ type: 'invoice.created', status: 'pending' }]);
  });

  it('queues invoice.created for the invoice of an upgrade mid-period and writes none for its preview', async () => {
    const small = await givenProduct(db(), { monthly: 3000 });
    const large = await givenProduct(db(), { monthly: 6000 });
    const customer = await givenCustomer(db());
    const order = await placeOrder(
      at('2026-06-01T00:00:00Z'),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: small.id, cycle: 'monthly' }] }),
    );
    await markInvoicePaid(at('2026-06-01T01:00:00Z'), { id: order.invoiceId! });
    await runOrderActivation(db(), order.id, new Date('2026-06-01T01:00:00Z'));
    const change = { serviceId: order.services[0]!.id, productId: large.id, cycle: 'monthly' as const, today: '2026-06-16' };
    const before = await db().select().from(webhookEvents);

    await changePlan(at('2026-06-16T10:00:00Z'), { ...change, preview: true });
    expect(await db().select().from(webhookEvents)).toHaveLength(before.length);
    const done = await changePlan(at('2026-06-16T10:00:00Z'), { ...change, preview: false });

    expect(done.invoiceId).not.toBeNull();
    expect(await createdEventsFor(done.invoiceId!)).toEqual([{ type: 'invoice.created', status: 'pending' }]);
  });
});
