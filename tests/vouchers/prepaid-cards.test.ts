import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, creditLedger, invoiceLines, invoices, payments, vouchers } from '@/db/schema';
import { systemActor, type Actor } from '@/server/auth/actor';
import { creditBalance } from '@/server/services/credit/balance';
import { generateVoucherBatch } from '@/server/services/vouchers/generate-batch';
import { getVoucherBatch, voucherBatchCodes } from '@/server/services/vouchers/read';
import { redeemGuesses, redeemVoucher } from '@/server/services/vouchers/redeem';
import { voidVoucher, voidVoucherBatch } from '@/server/services/vouchers/void';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenCustomer, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const now = testNow;
const dumpOf = (rows: unknown) => JSON.stringify(rows, (_, value) => (typeof value === 'bigint' ? String(value) : value));
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);

async function givenBatch(options: { count?: number; value?: bigint; currency?: string; expiresOn?: string } = {}) {
  const admin = await givenUser(db(), 'admin');
  const batch = await generateVoucherBatch(ctxOf(db(), admin.actor, now), {
    name: 'Shop counter',
    value: options.value ?? 2500n,
    currency: options.currency ?? 'USD',
    expiresOn: options.expiresOn ?? '2027-06-30',
    count: options.count ?? 3,
  });
  const printed = await voucherBatchCodes(ctxOf(db(), admin.actor, now), { id: batch.id, purpose: 'sheet' });
  return { admin, batch, codes: printed.cards.map((card) => card.code) };
}

async function givenClient(options: { currency?: string; ip?: string } = {}) {
  const customer = await givenCustomer(db(), { currency: options.currency ?? 'USD' });
  const client = await givenUser(db(), 'client', { customerId: customer.id });
  const actor: Actor = { ...client.actor, ip: options.ip ?? `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` };
  return { customer, actor, redeem: (code: string, at = now) => redeemVoucher(ctxOf(db(), actor, at), { customerId: customer.id, code }) };
}

describe('prepaid card batches', () => {
  it('generates unique, readable codes and stores none of them in the clear', async () => {
    const { batch, codes } = await givenBatch({ count: 50 });
    expect(batch).toMatchObject({ count: 50, value: 2500n, currency: 'USD', redeemed: 0, voided: 0 });
    expect(batch.cards).toHaveLength(50);
    expect(new Set(codes).size).toBe(50);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const stored = await db().select().from(vouchers).where(eq(vouchers.batchId, batch.id));
    const dump = dumpOf(stored);
    for (const code of codes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replaceAll('-', ''));
    }
    expect(stored.map((card) => card.codeTail).sort()).toEqual(codes.map((code) => code.slice(-4)).sort());
  });

  it('audits the batch and every opening of its codes, never writing a code to the log', async () => {
    const { batch, codes } = await givenBatch({ count: 2 });
    const rows = await db().select().from(auditLog).where(eq(auditLog.entityId, batch.id));
    expect(rows.map((row) => row.action).sort()).toEqual(['voucher_batch.codes_opened', 'voucher_batch.created']);
    expect(dumpOf(rows)).not.toContain(codes[0]!.replaceAll('-', ''));
  });

  it('is the desk’s: a client, a reseller and staff without vouchers.manage are refused', async () => {
    const { batch } = await givenBatch({ count: 1 });
    const { actor: client } = await givenClient();
    const reseller = await givenUser(db(), 'reseller');
    const staff = await givenUser(db(), 'staff', { permissions: ['customers.edit', 'invoices.edit'] });
    for (const actor of [client, reseller.actor, staff.actor]) {
      await expect(getVoucherBatch(ctxOf(db(), actor, now), { id: batch.id })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(voucherBatchCodes(ctxOf(db(), actor, now), { id: batch.id, purpose: 'csv' })).rejects.toMatchObject({ code: 'forbidden' });
    }
    const granted = await givenUser(db(), 'staff', { permissions: ['vouchers.manage'] });
    expect((await getVoucherBatch(ctxOf(db(), granted.actor, now), { id: batch.id })).id).toBe(batch.id);
  });

  it('refuses a batch that has already expired', async () => {
    const admin = await givenUser(db(), 'admin');
    await expect(
      generateVoucherBatch(ctxOf(db(), admin.actor, now), { value: 100n, currency: 'USD', expiresOn: '2027-01-30', count: 1 }),
    ).rejects.toMatchObject({ code: 'validation', fields: { expires_on: 'must be today or later' } });
  });
});

describe('redeeming a prepaid card', () => {
  it('puts the value on the credit balance through a paid prepaid_card invoice naming the code’s last four', async () => {
    const { batch, codes } = await givenBatch({ value: 2500n });
    const { customer, redeem } = await givenClient();
    const redemption = await redeem(codes[0]!.toLowerCase().replaceAll('-', ' '));
    expect(redemption).toMatchObject({ amount: 2500n, currency: 'USD', creditBalance: 2500n });
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(2500n);

    const [invoice] = await db().select().from(invoices).where(eq(invoices.id, redemption.invoiceId));
    expect(invoice).toMatchObject({ customerId: customer.id, status: 'paid', purpose: 'top_up', total: 2500n, amountPaid: 2500n, taxTotal: 0n });
    expect(invoice!.number).toMatch(/\d/);
    const [line] = await db().select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice!.id));
    expect(line!.description).toBe(`Prepaid card …${codes[0]!.slice(-4)}`);
    const paid = await db().select().from(payments).where(eq(payments.invoiceId, invoice!.id));
    expect(paid).toMatchObject([{ method: 'prepaid_card', amount: 2500n }]);
    const credit = await db().select().from(creditLedger).where(eq(creditLedger.customerId, customer.id));
    expect(credit).toMatchObject([{ kind: 'top_up', amount: 2500n, invoiceId: invoice!.id }]);

    const card = (await getVoucherBatch(ctxOf(db(), systemActor(), now), { id: batch.id })).cards.find((c) => c.id === redemption.voucherId)!;
    expect(card).toMatchObject({ status: 'redeemed', redeemedById: customer.id, invoiceId: invoice!.id });
    const audited = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'voucher'), eq(auditLog.entityId, card.id)));
    expect(audited.map((row) => row.action)).toEqual(['voucher.redeemed']);
  });

  it('redeems a code once, ever: the same customer again and another customer are refused', async () => {
    const { codes } = await givenBatch();
    const first = await givenClient();
    const second = await givenClient();
    await first.redeem(codes[0]!);
    await expect(first.redeem(codes[0]!)).rejects.toMatchObject({ code: 'conflict', message: 'You have already redeemed this card' });
    await expect(second.redeem(codes[0]!)).rejects.toMatchObject({ code: 'conflict', message: 'This card has already been redeemed' });
    expect(await creditBalance(db(), second.customer.id, 'USD')).toBe(0n);
  });

  it('lets exactly one of two customers racing for the same code win, every time', async () => {
    for (let round = 0; round < 5; round++) {
      const { codes } = await givenBatch({ count: 1 });
      const racers = await Promise.all(Array.from({ length: 4 }, () => givenClient()));
      const outcomes = await Promise.allSettled(racers.map((racer) => racer.redeem(codes[0]!)));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const lost of outcomes.filter((o) => o.status === 'rejected')) expect(lost.reason).toMatchObject({ code: 'conflict' });
      const balances = await Promise.all(racers.map((racer) => creditBalance(db(), racer.customer.id, 'USD')));
      expect(balances.filter((b) => b === 2500n)).toHaveLength(1);
      expect(balances.filter((b) => b === 0n)).toHaveLength(3);
    }
  });

  it('refuses expired, voided and other-currency cards, and unknown or malformed codes, each clearly', async () => {
    const { codes } = await givenBatch({ count: 3, expiresOn: '2027-02-15' });
    const { batch: eur, codes: eurCodes } = await givenBatch({ count: 2, currency: 'EUR' });
    const client = await givenClient();
    await expect(client.redeem(codes[0]!, later(16))).rejects.toMatchObject({ code: 'invalid_state', message: 'This card expired on 2027-02-15' });
    expect((await client.redeem(codes[0]!, later(15))).amount).toBe(2500n); // the expiry day itself still counts

    const card = (
      await db()
        .select()
        .from(vouchers)
        .where(eq(vouchers.codeTail, codes[1]!.slice(-4)))
    )[0]!;
    const admin = await givenUser(db(), 'admin');
    await voidVoucher(ctxOf(db(), admin.actor, now), { id: card.id });
    await expect(client.redeem(codes[1]!)).rejects.toMatchObject({ code: 'invalid_state', message: 'This card has been cancelled and cannot be redeemed' });

    await expect(client.redeem(eurCodes[0]!)).rejects.toMatchObject({
      code: 'invalid_state',
      message: 'This card is in EUR; your account is billed in USD',
    });
    await voidVoucherBatch(ctxOf(db(), admin.actor, now), { id: eur.id });
    const euro = await givenClient({ currency: 'EUR' });
    await expect(euro.redeem(eurCodes[1]!)).rejects.toMatchObject({ code: 'invalid_state' });

    await expect(client.redeem('ABCD-EFGH-JKLM')).rejects.toMatchObject({ code: 'not_found', fields: { code: expect.any(String) } });
    await expect(client.redeem('0000-1111-IIII')).rejects.toMatchObject({ code: 'validation' });
  });

  it('throttles guessing per customer: past ten refusals in an hour even a good code waits', async () => {
    const { codes } = await givenBatch({ count: 1 });
    const client = await givenClient();
    for (let i = 0; i < redeemGuesses.limit; i++) {
      await expect(client.redeem(`ABCD-EFGH-JK${'LMNP'[i % 4]}${'QRST'[Math.floor(i / 4)]}`)).rejects.toMatchObject({ code: 'not_found' });
    }
    await expect(client.redeem(codes[0]!)).rejects.toMatchObject({ code: 'rate_limited' });
    expect(await creditBalance(db(), client.customer.id, 'USD')).toBe(0n);
    // The window passes: the good code goes through.
    expect((await client.redeem(codes[0]!, later(1))).amount).toBe(2500n);
  });

  it('never lets a client redeem into someone else’s account, nor a reseller at all', async () => {
    const { codes } = await givenBatch({ count: 1 });
    const mine = await givenClient();
    const theirs = await givenClient();
    await expect(redeemVoucher(ctxOf(db(), mine.actor, now), { customerId: theirs.customer.id, code: codes[0]! })).rejects.toMatchObject({ code: 'not_found' });
    const reseller = await givenUser(db(), 'reseller');
    await expect(redeemVoucher(ctxOf(db(), reseller.actor, now), { customerId: theirs.customer.id, code: codes[0]! })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('voids a batch’s unused cards and keeps the redeemed ones; a redeemed card cannot be voided', async () => {
    const { admin, batch, codes } = await givenBatch({ count: 3 });
    const client = await givenClient();
    const redemption = await client.redeem(codes[0]!);
    await expect(voidVoucher(ctxOf(db(), admin.actor, now), { id: redemption.voucherId })).rejects.toMatchObject({ code: 'invalid_state' });
    const voided = await voidVoucherBatch(ctxOf(db(), admin.actor, now), { id: batch.id });
    expect(voided).toMatchObject({ redeemed: 1, voided: 2 });
    expect(voided.cards.map((card) => card.status).sort()).toEqual(['redeemed', 'voided', 'voided']);
    await expect(voidVoucherBatch(ctxOf(db(), admin.actor, now), { id: batch.id })).rejects.toMatchObject({ code: 'invalid_state' });
    expect(await creditBalance(db(), client.customer.id, 'USD')).toBe(2500n);
  });
});
