import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoices, payments } from '@/db/schema';
import { anonymousActor, systemActor } from '@/server/auth/actor';
import { publicToken } from '@/server/services/invoices/public-link';
import { reconcilePayments } from '@/server/services/payments/reconcile';
import { startPayPalOrder, startStripeCheckout } from '@/server/services/payments/start-checkout';
import { withTestDatabase } from '../support/database';
import { startFakePayPal, startFakeStripe, type FakePayPal, type FakeStripe } from '../support/fake-gateways';
import { ctxOf, givenInvoice } from '../support/fixtures';

const { db } = withTestDatabase();
let stripe: FakeStripe;
let paypal: FakePayPal;
const env = () => ({
  STRIPE_SECRET_KEY: 'sk_test_reconcile',
  STRIPE_WEBHOOK_SECRET: 'whsec_reconcile',
  STRIPE_API_URL: stripe.url,
  PAYPAL_CLIENT_ID: 'reconcile-client',
  PAYPAL_CLIENT_SECRET: 'reconcile-secret',
  PAYPAL_WEBHOOK_ID: 'WH-RECONCILE',
  PAYPAL_API_URL: paypal.url,
});

beforeAll(async () => {
  stripe = await startFakeStripe({ webhookSecret: 'whsec_reconcile' });
  paypal = await startFakePayPal({ webhookId: 'WH-RECONCILE', clientId: 'reconcile-client', clientSecret: 'reconcile-secret' });
  Object.assign(process.env, env());
});
afterAll(async () => {
  for (const name of Object.keys(env())) delete process.env[name];
  await Promise.all([stripe.close(), paypal.close()]);
});

const visitor = () => ctxOf(db(), anonymousActor('10.1.1.1'));
const access = (invoice: { id: string; tokenVersion: number }) => ({ kind: 'token' as const, token: publicToken(invoice.id, invoice.tokenVersion) });
const statusOf = async (id: string) => (await db().select().from(invoices).where(eq(invoices.id, id)))[0]!.status;

describe('hourly reconciliation', () => {
  it('records payments whose webhooks were lost and whose payers never came back, once', async () => {
    const paidByCard = await givenInvoice(db(), { total: 3100n });
    const url = await startStripeCheckout(visitor(), { invoiceId: paidByCard.id, access: access(paidByCard), origin: 'http://shop.test' });
    await stripe.completeSession(url.split('/').pop()!, { deliver: false });

    const approvedOnly = await givenInvoice(db(), { total: 2200n });
    const { orderId } = await startPayPalOrder(visitor(), { invoiceId: approvedOnly.id, access: access(approvedOnly) });
    paypal.approve(orderId);

    const abandoned = await givenInvoice(db(), { total: 1000n });
    await startStripeCheckout(visitor(), { invoiceId: abandoned.id, access: access(abandoned), origin: 'http://shop.test' });

    const first = await reconcilePayments(ctxOf(db(), systemActor()));
    expect(first).toMatchObject({ recorded: 2, failed: 0 });
    expect(await statusOf(paidByCard.id)).toBe('paid');
    expect(await statusOf(approvedOnly.id)).toBe('paid');
    expect(await statusOf(abandoned.id)).toBe('pending');

    const again = await reconcilePayments(ctxOf(db(), systemActor()));
    expect(again.recorded).toBe(0);
    for (const invoice of [paidByCard, approvedOnly]) expect(await db().select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(1);
  });

  it('leaves checkouts older than a week to the past', async () => {
    const old = await givenInvoice(db(), { total: 500n });
    const url = await startStripeCheckout(visitor(), { invoiceId: old.id, access: access(old), origin: 'http://shop.test' });
    await stripe.completeSession(url.split('/').pop()!, { deliver: false });
    const later = new Date(Date.now() + 8 * 24 * 3600_000);
    await reconcilePayments(ctxOf(db(), systemActor(), later));
    expect(await statusOf(old.id)).toBe('pending');
  });
});
