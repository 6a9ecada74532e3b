import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invoiceLines, invoices, ledgerTransactions, payments, refunds, revenueRollup, taxRollup } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { updateInvoiceInput } from '@/server/schemas/invoices';
import { placeOrderInput } from '@/server/schemas/orders';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { cancelInvoice } from '@/server/services/invoices/cancel';
import { consolidateInvoices } from '@/server/services/invoices/consolidate';
import { correctInvoice } from '@/server/services/invoices/correct';
import { createInvoice } from '@/server/services/invoices/create';
import { deleteInvoice } from '@/server/services/invoices/delete';
import { finalizeInvoice } from '@/server/services/invoices/finalize';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { updateInvoice } from '@/server/services/invoices/update';
import { placeOrder } from '@/server/services/orders/place';
import { recordPayment } from '@/server/services/payments/record';
import { refundPayment } from '@/server/services/payments/refund';
import { revenueReport } from '@/server/services/reports/revenue';
import { compactReportRollups } from '@/server/services/reports/rollups';
import { taxReport } from '@/server/services/reports/tax';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenProduct } from '../support/fixtures';

// The rollups the Revenue and Tax reports read are maintained by triggers in the transaction of
// every write (migration 0017_report_rollups): after every money path the services have, what
// they hold must be what a rebuild from the invoices, lines, payments and refunds computes.

const { db } = withTestDatabase();
const at = (instant: string) => ctxOf(db(), systemActor(), new Date(instant));
const line = (unitPrice: bigint, percent: bigint) => ({ description: 'Line', quantity: 1000n, unitPrice, taxRate: percent * 1000n });
const invoice = (customerId: string, issueDate: string, items: ReturnType<typeof line>[], options: { status?: 'draft' | 'pending'; currency?: string } = {}) =>
  createInvoice(at(`${issueDate}T09:00:00Z`), {
    customerId,
    status: options.status ?? 'pending',
    issueDate,
    dueDate: issueDate,
    currency: options.currency ?? 'USD',
    items,
  });
const edit = (instant: string, id: string, body: Record<string, unknown>) => updateInvoice(at(instant), { id, ...camelized(updateInvoiceInput).parse(body) });

/** What the rollups say per key, their deltas summed (maintained and rebuilt rows alike). */
async function rollups() {
  const revenue = await db()
    .select({
      currency: revenueRollup.currency,
      day: revenueRollup.day,
      invoiced: sql<string>`sum(${revenueRollup.invoiced})::text`,
      collected: sql<string>`sum(${revenueRollup.collected})::text`,
      refunded: sql<string>`sum(${revenueRollup.refunded})::text`,
    })
    .from(revenueRollup)
    .groupBy(revenueRollup.currency, revenueRollup.day)
    .having(sql`sum(${revenueRollup.invoiced}) <> 0 or sum(${revenueRollup.collected}) <> 0 or sum(${revenueRollup.refunded}) <> 0`)
    .orderBy(asc(revenueRollup.currency), asc(revenueRollup.day));
  const tax = await db()
    .select({
      currency: taxRollup.currency,
      day: taxRollup.day,
      taxRate: sql<string>`${taxRollup.taxRate}::text`,
      taxable: sql<string>`sum(${taxRollup.taxable})::text`,
      tax: sql<string>`sum(${taxRollup.tax})::text`,
    })
    .from(taxRollup)
    .groupBy(taxRollup.currency, taxRollup.day, taxRollup.taxRate)
    .having(sql`sum(${taxRollup.taxable}) <> 0 or sum(${taxRollup.tax}) <> 0`)
    .orderBy(asc(taxRollup.currency), asc(taxRollup.day), asc(taxRollup.taxRate));
  return { revenue, tax };
}

const rowCount = async () => {
  const [row] = await db()
    .select({ revenue: sql<number>`(select count(*) from revenue_rollup)::int`, tax: sql<number>`(select count(*) from tax_rollup)::int` })
    .from(sql`(select 1) as one`);
  return row!;
};
const rebuild = () => db().execute(sql`select rebuild_report_rollups()`);
const admin = () => at('2028-06-01T00:00:00Z');
const reports = async (currency: string) => ({
  revenue: await revenueReport(admin(), { from: '2027-01-01', to: '2027-12-31', interval: 'month', currency }),
  days: await revenueReport(admin(), { from: '2027-01-01', to: '2027-03-31', interval: 'day', currency }),
  tax: await taxReport(admin(), { from: '2027-01-01', to: '2027-12-31', currency }),
});

describe('rollups maintained by the triggers', () => {
  it('equal the rollups rebuilt from scratch after every money path, before and after compaction', async () => {
    const a = await givenCustomer(db(), { currency: 'USD' });
    const b = await givenCustomer(db(), { currency: 'USD' });
    const e = await givenCustomer(db(), { currency: 'EUR' });

    // Issued, then paid in parts across days (one late in a UTC day), partly refunded in money and to credit.
    const i1 = await invoice(a.id, '2027-01-10', [line(10_000n, 20n), line(5_000n, 0n)]);
    const first = await recordPayment(at('2027-01-12T23:59:00Z'), { invoiceId: i1.id, amount: 3_000n, method: 'cash' });
    await recordPayment(at('2027-01-13T00:01:00Z'), { invoiceId: i1.id, amount: 4_000n, method: 'card' });
    await refundPayment(at('2027-01-20T10:00:00Z'), { invoiceId: i1.id, paymentId: first.payment.id, amount: 1_000n, toCredit: false });
    await refundPayment(at('2027-01-21T10:00:00Z'), { invoiceId: i1.id, amount: 500n, toCredit: true });
    await markInvoicePaid(at('2027-02-01T10:00:00Z'), { id: i1.id });
    // A credit note and a debit note.
    await correctInvoice(at('2027-02-10T10:00:00Z'), { invoiceId: i1.id, kind: 'credit_note', items: [line(2_000n, 20n)], reason: 'Goodwill' });
    const i2 = await invoice(a.id, '2027-02-15', [line(8_000n, 10n)]);
    await correctInvoice(at('2027-02-20T10:00:00Z'), { invoiceId: i2.id, kind: 'debit_note', items: [line(1_000n, 10n)], reason: 'Extra work' });
    // A draft edited, then issued; another deleted; an unpaid issued invoice's lines edited and re-dated.
    const draft = await invoice(a.id, '2027-03-01', [line(700n, 10n)], { status: 'draft' });
    await edit('2027-03-02T10:00:00Z', draft.id, { items: [{ id: draft.lines[0]!.id, description: 'Line', quantity: 2, unit_price: 700, tax_rate: '10' }] });
    await finalizeInvoice(at('2027-03-03T10:00:00Z'), { id: draft.id });
    const dropped = await invoice(a.id, '2027-03-04', [line(900n, 0n)], { status: 'draft' });
    await deleteInvoice(at('2027-03-05T10:00:00Z'), { id: dropped.id });
    const i3 = await invoice(a.id, '2027-03-06', [line(6_000n, 20n), line(1_000n, 0n)]);
    await edit('2027-03-07T10:00:00Z', i3.id, {
      issue_date: '2027-03-07',
      due_date: '2027-03-21',
      items: [
        { id: i3.lines[0]!.id, description: 'Line', quantity: 1, unit_price: 6_500, tax_rate: '10' },
        { description: 'New', quantity: 3, unit_price: 100, tax_rate: '5' },
      ],
    });
    // Cancelled, then deleted.
    const i4 = await invoice(a.id, '2027-03-08', [line(2_500n, 20n)]);
    await cancelInvoice(at('2027-03-09T10:00:00Z'), { id: i4.id });
    await deleteInvoice(at('2027-03-10T10:00:00Z'), { id: i4.id });
    // Consolidated: one source partly paid.
    const s1 = await invoice(b.id, '2027-04-01', [line(3_000n, 20n)]);
    await recordPayment(at('2027-04-02T10:00:00Z'), { invoiceId: s1.id, amount: 1_200n, method: 'cash' });
    await invoice(b.id, '2027-04-03', [line(2_000n, 0n)]);
    await consolidateInvoices(at('2027-04-10T10:00:00Z'), { customerId: b.id, currency: 'USD' });
    // Another currency.
    const e1 = await invoice(e.id, '2027-02-01', [line(9_000n, 0n)], { currency: 'EUR' });
    await recordPayment(at('2027-02-01T12:00:00Z'), { invoiceId: e1.id, amount: 9_000n, method: 'card' });
    // A billing run: a contract's first month billed in one set-based statement (invoices and lines together).
    const product = await givenProduct(db(), { monthly: 2_000 });
    const buyer = await givenCustomer(db(), { currency: 'USD' });
    await placeOrder(
      at('2027-05-01T09:00:00Z'),
      camelized(placeOrderInput).parse({
        customer_id: buyer.id,
        billing_day: 1,
        start_date: '2027-05-01',
        items: [{ product_id: product.id, cycle: 'monthly', quantity: 2 }],
      }),
    );
    const billed = await runBilling(at('2027-05-01T09:00:00Z'), { date: '2027-05-01' });
    expect(billed.invoicesCreated).toBe(1);
    // Writes no service makes: a line changed and one removed, and an issued document deleted outright.
    const loose = await invoice(a.id, '2027-06-01', [line(4_000n, 20n), line(1_500n, 5n)]);
    await db().update(invoiceLines).set({ taxRate: '15.000', tax: 600n }).where(eq(invoiceLines.id, loose.lines[0]!.id));
    await db().delete(invoiceLines).where(eq(invoiceLines.id, loose.lines[1]!.id));
    const gone = await invoice(a.id, '2027-06-02', [line(3_300n, 10n)]);
    await db().delete(invoices).where(eq(invoices.id, gone.id));
    // …and money moved to another day, a refund changed and one removed.
    await db()
      .update(payments)
      .set({ paidAt: new Date('2027-01-15T08:00:00Z') })
      .where(eq(payments.id, first.payment.id));
    const [refunded, removed] = await db().select({ id: refunds.id }).from(refunds).where(eq(refunds.invoiceId, i1.id)).orderBy(asc(refunds.refundedAt));
    await db()
      .update(refunds)
      .set({ amount: 900n, refundedAt: new Date('2027-01-22T10:00:00Z') })
      .where(eq(refunds.id, refunded!.id));
    await db().delete(ledgerTransactions).where(eq(ledgerTransactions.refundId, removed!.id));
    await db().delete(refunds).where(eq(refunds.id, removed!.id));

    const maintained = await rollups();
    expect(maintained.revenue.length).toBeGreaterThan(10);
    expect(maintained.tax.length).toBeGreaterThan(10);
    const reported = await reports('USD');
    const before = await rowCount();

    await compactReportRollups(db());
    expect(await rollups()).toEqual(maintained);
    expect(await reports('USD')).toEqual(reported);
    const after = await rowCount();
    // One row per key left, fewer than the deltas.
    expect(after).toEqual({ revenue: maintained.revenue.length, tax: maintained.tax.length });
    expect(after.revenue).toBeLessThan(before.revenue);

    await rebuild();
    expect(await rollups()).toEqual(maintained);
    expect(await reports('USD')).toEqual(reported);
    expect(await reports('EUR')).toMatchObject({ revenue: { currency: 'EUR' }, tax: { rows: [{ taxRate: '0', taxable: 9_000n, tax: 0n }] } });
  });

  it('take concurrent payments and refunds of one day, and compactions beside them, without a wait or a lost amount', async () => {
    const customer = await givenCustomer(db(), { currency: 'CHF' });
    const open = await Promise.all(Array.from({ length: 6 }, () => invoice(customer.id, '2027-09-01', [line(10_000n, 0n)], { currency: 'CHF' })));
    await Promise.all(open.map((i) => recordPayment(at('2027-09-02T10:00:00Z'), { invoiceId: i.id, amount: 6_000n, method: 'cash' })));

    const settled = await Promise.allSettled([
      // Two payments on each of three invoices (the second waits on the first's invoice row), refunds on the others.
      ...open.slice(0, 3).flatMap((i) => [0, 1].map(() => recordPayment(at('2027-09-03T12:00:00Z'), { invoiceId: i.id, amount: 1_000n, method: 'card' }))),
      ...open.slice(3).map((i) => refundPayment(at('2027-09-03T11:00:00Z'), { invoiceId: i.id, amount: 2_500n, toCredit: false })),
      ...open.map(() => compactReportRollups(db())),
    ]);
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);

    const report = await revenueReport(admin(), { from: '2027-09-01', to: '2027-09-03', interval: 'day', currency: 'CHF' });
    expect(report.rows).toEqual([
      { period: '2027-09-01', invoiced: 60_000n, collected: 0n, refunded: 0n, net: 0n },
      { period: '2027-09-02', invoiced: 0n, collected: 36_000n, refunded: 0n, net: 36_000n },
      { period: '2027-09-03', invoiced: -7_500n, collected: 6_000n, refunded: 7_500n, net: -1_500n },
    ]);
    const maintained = await rollups();
    await rebuild();
    expect(await rollups()).toEqual(maintained);
  });

  it('are summed again after a TRUNCATE, which fires no row trigger', async () => {
    await db().execute(sql`truncate payments cascade`);
    const report = await revenueReport(admin(), { from: '2027-09-01', to: '2027-09-03', interval: 'day', currency: 'CHF' });
    expect(report.rows.map((r) => [r.period, r.invoiced, r.collected, r.refunded])).toEqual([
      ['2027-09-01', 60_000n, 0n, 0n],
      ['2027-09-02', 0n, 0n, 0n],
      ['2027-09-03', -7_500n, 0n, 0n],
    ]);
  });
});
