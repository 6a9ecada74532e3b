import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, ledgerTransactions, resellers, users } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import type { Actor } from '@/server/auth/actor';
import { cancelInvoice } from '@/server/services/invoices/cancel';
import { recordPayment } from '@/server/services/payments/record';
import { refundPayment } from '@/server/services/payments/refund';
import { commissionsReport, monthOf, type CommissionRow } from '@/server/services/resellers/commissions';
import { payCommission } from '@/server/services/resellers/pay-commission';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const january = { from: '2027-01-01', to: '2027-01-31' };
// Money moves at a fixed moment inside the range, whatever CASHDESK_TEST_NOW says.
const midJanuary = new Date('2027-01-20T12:00:00Z');

let admin: { id: string; actor: Actor };

beforeAll(async () => {
  admin = await givenUser(db(), 'admin');
});

/** A reseller with a name (the report sorts by it) and a commission in thousandths of a percent. */
async function givenReseller(name: string, commissionMilli: bigint) {
  const reseller = await givenUser(db(), 'reseller');
  await db().update(users).set({ name }).where(eq(users.id, reseller.id));
  await db().update(resellers).set({ commissionMilli }).where(eq(resellers.userId, reseller.id));
  return reseller;
}

async function givenCustomerOf(reseller: { actor: Actor }, currency = 'USD') {
  return givenCustomer(db(), { currency }, { actor: reseller.actor });
}

const pay = (invoiceId: string, amount: bigint) => recordPayment(ctxOf(db(), admin.actor, midJanuary), { invoiceId, amount, method: 'cash' });

/** An issued invoice of `total` on `issueDate`, `paid` of it received. */
async function givenPaidInvoice(customerId: string, issueDate: string, total: bigint, paid = total, currency?: string) {
  const invoice = await givenInvoice(db(), { customerId, total, issueDate, currency });
  if (paid > 0n) await pay(invoice.id, paid);
  return invoice;
}

const row = (r: Partial<CommissionRow> & Pick<CommissionRow, 'resellerId' | 'currency'>) => expect.objectContaining(r);

describe('the commissions report, a scenario computed by hand', () => {
  let alpha: { id: string; actor: Actor };
  let beta: { id: string; actor: Actor };

  beforeAll(async () => {
    alpha = await givenReseller('Alpha Resale', 10_000n); // 10 %
    beta = await givenReseller('Beta Resale', 12_500n); // 12.5 %
    const alphaUsd = await givenCustomerOf(alpha);
    const alphaEur = await givenCustomerOf(alpha, 'EUR');
    const betaUsd = await givenCustomerOf(beta);
    const direct = await givenCustomer(db());

    // Alpha, USD: four invoices count.
    await givenPaidInvoice(alphaUsd.id, '2027-01-05', 10_000n); // paid in full
    await givenPaidInvoice(alphaUsd.id, '2027-01-10', 5_000n, 2_000n); // partly paid
    const refunded = await givenPaidInvoice(alphaUsd.id, '2027-01-15', 3_000n); // paid, then 1,000 refunded
    await refundPayment(ctxOf(db(), admin.actor, midJanuary), { invoiceId: refunded.id, amount: 1_000n, toCredit: false });
    await givenPaidInvoice(alphaUsd.id, '2027-01-31', 2_345n); // the last day is inside the range
    // … and these do not: cancelled, a draft (no number), issued the day before the range.
    const cancelled = await givenInvoice(db(), { customerId: alphaUsd.id, total: 7_000n, issueDate: '2027-01-20' });
    await cancelInvoice(ctxOf(db(), admin.actor, midJanuary), { id: cancelled.id });
    await givenInvoice(db(), { customerId: alphaUsd.id, total: 4_000n, issueDate: '2027-01-12', status: 'draft' });
    await givenPaidInvoice(alphaUsd.id, '2026-12-31', 9_000n);

    // Alpha, EUR: one partly paid invoice.
    await givenPaidInvoice(alphaEur.id, '2027-01-08', 8_000n, 5_000n, 'EUR');
    // Beta, USD: 12.5 % of 10.04 is 1.255, which rounds half away from zero to 1.26.
    await givenPaidInvoice(betaUsd.id, '2027-01-03', 1_004n);
    // A customer of no reseller earns nobody commission.
    await givenPaidInvoice(direct.id, '2027-01-04', 50_000n);
  });

  it('shows one row per reseller and currency with the figures worked out by hand', async () => {
    const report = await commissionsReport(ctxOf(db(), admin.actor, testNow), january);
    expect(report).toEqual([
      {
        resellerId: alpha.id,
        resellerName: 'Alpha Resale',
        currency: 'EUR',
        invoicesIssued: 1,
        totalBilled: 8_000n,
        totalCollected: 5_000n,
        commissionMilli: 10_000n,
        commissionEarned: 500n,
        paidOut: 0n,
        outstanding: 500n,
      },
      {
        resellerId: alpha.id,
        resellerName: 'Alpha Resale',
        currency: 'USD',
        // 10,000 + 5,000 + 3,000 + 2,345 billed; 10,000 + 2,000 + (3,000 − 1,000) + 2,345 collected.
        invoicesIssued: 4,
        totalBilled: 20_345n,
        totalCollected: 16_345n,
        commissionMilli: 10_000n,
        commissionEarned: 1_635n, // 1,634.5 → 1,635
        paidOut: 0n,
        outstanding: 1_635n,
      },
      {
        resellerId: beta.id,
        resellerName: 'Beta Resale',
        currency: 'USD',
        invoicesIssued: 1,
        totalBilled: 1_004n,
        totalCollected: 1_004n,
        commissionMilli: 12_500n,
        commissionEarned: 126n, // 125.5 → 126
        paidOut: 0n,
        outstanding: 126n,
      },
    ]);
  });

  it('shows a reseller only its own rows, and staff only with reports.view', async () => {
    const own = await commissionsReport(ctxOf(db(), beta.actor, testNow), january);
    expect(own.map((r) => [r.resellerId, r.currency])).toEqual([[beta.id, 'USD']]);
    const viewer = await givenUser(db(), 'staff', { permissions: ['invoices.view'] });
    await expect(commissionsReport(ctxOf(db(), viewer.actor, testNow), january)).rejects.toMatchObject({ code: 'forbidden' });
    const reporter = await givenUser(db(), 'staff', { permissions: ['reports.view'] });
    expect(await commissionsReport(ctxOf(db(), reporter.actor, testNow), january)).toHaveLength(3);
    const client = await givenUser(db(), 'client', { customerId: (await givenCustomer(db())).id });
    await expect(commissionsReport(ctxOf(db(), client.actor, testNow), january)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('pays part, refuses more than outstanding, pays the rest by default, then refuses with nothing left; audited under the admin', async () => {
    const ctx = ctxOf(db(), admin.actor, testNow);
    const first = await payCommission(ctx, { resellerId: alpha.id, ...january, currency: 'USD', amount: 635n, reference: 'BANK-1' });
    expect(first).toMatchObject({
      type: 'commission_payout',
      amount: 635n,
      currency: 'USD',
      resellerId: alpha.id,
      customerId: null,
      invoiceId: null,
      reference: 'BANK-1',
      actor: admin.actor.label,
      periodFrom: '2027-01-01',
      periodTo: '2027-01-31',
    });
    await expect(payCommission(ctx, { resellerId: alpha.id, ...january, currency: 'USD', amount: 1_001n })).rejects.toMatchObject({
      code: 'invalid_state',
      message: 'Only 10.00 USD is outstanding for 2027-01-01 to 2027-01-31',
    });
    const rest = await payCommission(ctx, { resellerId: alpha.id, ...january, currency: 'USD' });
    expect(rest.amount).toBe(1_000n);
    await expect(payCommission(ctx, { resellerId: alpha.id, ...january, currency: 'USD', amount: 1n })).rejects.toMatchObject({ code: 'invalid_state' });
    // A currency with no row has nothing outstanding either.
    await expect(payCommission(ctx, { resellerId: alpha.id, ...january, currency: 'GBP' })).rejects.toMatchObject({ code: 'invalid_state' });

    const report = await commissionsReport(ctx, january);
    expect(report).toEqual([
      row({ resellerId: alpha.id, currency: 'EUR', paidOut: 0n, outstanding: 500n }),
      row({ resellerId: alpha.id, currency: 'USD', commissionEarned: 1_635n, paidOut: 1_635n, outstanding: 0n }),
      row({ resellerId: beta.id, currency: 'USD', paidOut: 0n, outstanding: 126n }),
    ]);

    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, alpha.id), eq(auditLog.action, 'reseller.commission_paid')));
    expect(audits.map((a) => [a.actorId, a.actorLabel, (a.after as { amount: string }).amount])).toEqual([
      [admin.id, admin.actor.label, '635'],
      [admin.id, admin.actor.label, '1000'],
    ]);
  });

  it('counts a payout in every range holding its whole period, and in none that only overlaps it', async () => {
    const ctx = ctxOf(db(), admin.actor, testNow);
    const wider = await commissionsReport(ctx, { from: '2026-12-01', to: '2027-02-28' });
    // December's 9,000 invoice joins in: 900 more earned, January's payouts still count.
    expect(wider).toContainEqual(
      row({ resellerId: alpha.id, currency: 'USD', invoicesIssued: 5, commissionEarned: 2_535n, paidOut: 1_635n, outstanding: 900n }),
    );
    const overlapping = await commissionsReport(ctx, { from: '2027-01-15', to: '2027-02-15' });
    expect(overlapping).toContainEqual(
      row({ resellerId: alpha.id, currency: 'USD', invoicesIssued: 2, totalCollected: 4_345n, commissionEarned: 435n, paidOut: 0n, outstanding: 435n }),
    );
  });

  it('refuses a payout to a reseller that does not exist, and to anyone without settings.manage', async () => {
    const ctx = ctxOf(db(), admin.actor, testNow);
    await expect(payCommission(ctx, { resellerId: admin.id, ...january, currency: 'EUR' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(payCommission(ctxOf(db(), beta.actor, testNow), { resellerId: beta.id, ...january, currency: 'USD' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const reporter = await givenUser(db(), 'staff', { permissions: ['reports.view'] });
    await expect(payCommission(ctxOf(db(), reporter.actor, testNow), { resellerId: beta.id, ...january, currency: 'USD' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('concurrent payouts', () => {
  it('of one row: exactly one of ten is written, the other nine find nothing outstanding', async () => {
    const reseller = await givenReseller('Gamma Resale', 10_000n);
    const customer = await givenCustomerOf(reseller);
    await givenPaidInvoice(customer.id, '2026-06-10', 20_000n);
    const june = { from: '2026-06-01', to: '2026-06-30' };
    const ctx = ctxOf(db(), admin.actor, testNow);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => payCommission(ctx, { resellerId: reseller.id, ...june, currency: 'USD' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refusals = results.filter((r) => r.status === 'rejected');
    expect(refusals).toHaveLength(9);
    for (const refusal of refusals) expect(refusal.reason).toMatchObject({ code: 'invalid_state' });
    const payouts = await db()
      .select()
      .from(ledgerTransactions)
      .where(and(eq(ledgerTransactions.resellerId, reseller.id), eq(ledgerTransactions.type, 'commission_payout')));
    expect(payouts.map((p) => p.amount)).toEqual([2_000n]);
  });
});

describe('commissions over tRPC', () => {
  it('markPaid records one payout for a double click (same idempotency key), and the report shows it paid', async () => {
    const reseller = await givenReseller('Delta Resale', 5_000n); // 5 %
    const customer = await givenCustomerOf(reseller);
    await givenPaidInvoice(customer.id, '2026-07-04', 3_000n);
    const july = { from: '2026-07-01', to: '2026-07-31' };
    const desk = createCaller({ db: db(), actor: admin.actor, origin: 'http://localhost' });
    const [row] = (await desk.commissions.report(july)).filter((r) => r.resellerId === reseller.id);
    expect(row).toMatchObject({ commissionEarned: 150n, outstanding: 150n });
    const input = { id: reseller.id, ...july, currency: 'USD', amount: 150, idempotencyKey: 'commission-double-click-0001' };
    const [first, second] = await Promise.all([desk.commissions.markPaid(input), desk.commissions.markPaid(input)]);
    expect(second.id).toBe(first.id);
    expect((await desk.commissions.report(july)).find((r) => r.resellerId === reseller.id)).toMatchObject({ paidOut: 150n, outstanding: 0n });
    const own = createCaller({ db: db(), actor: reseller.actor, origin: 'http://localhost' });
    expect((await own.commissions.report(july)).map((r) => r.resellerId)).toEqual([reseller.id]);
    await expect(own.commissions.markPaid({ ...input, idempotencyKey: 'commission-by-the-reseller-01' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('monthOf', () => {
  it('is the calendar month around a moment, in UTC', () => {
    expect(monthOf(new Date('2027-01-31T23:59:59Z'))).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    expect(monthOf(new Date('2028-02-10T00:00:00Z'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthOf(new Date('2026-12-01T00:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
