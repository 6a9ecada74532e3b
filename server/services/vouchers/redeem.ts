import { eq } from 'drizzle-orm';
import { vouchers } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { toPlainDate } from '@/server/billing/periods';
import { codeTail, normalizeCode } from '@/server/billing/voucher-code';
import { AppError } from '@/server/errors';
import { hitThrottle, peekThrottle, ThrottledError, type ThrottleRule } from '@/server/http/rate-limit';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { creditBalance } from '@/server/services/credit/balance';
import { issueTopUpInvoice } from '@/server/services/credit/top-up';
import { findCustomer } from '@/server/services/customers/store';
import { loadInvoice } from '@/server/services/invoices/store';
import { lockCustomer } from '@/server/services/locks';
import { insertPayment } from '@/server/services/payments/record';
import { hashCode, lockVoucher } from './store';

export type Redemption = { voucherId: string; invoiceId: string; invoiceNumber: string; amount: bigint; currency: string; creditBalance: bigint };

// Refused codes per customer and per address: 10 an hour, then nothing until the window passes.
// A code has 60 bits; at this pace guessing one is hopeless, while a person retyping a smudged
// card has room for mistakes.
export const redeemGuesses: ThrottleRule = { limit: 10, windowMs: 60 * 60_000 };

const refused = (code: AppError['code'], message: string) => new AppError(code, message, { code: message });

/**
 * A customer redeems a prepaid card: the card's value goes on their credit balance through a
 * `top_up` invoice paid with method `prepaid_card` (its line names the code's last four symbols).
 * The card's row lock makes it once, ever: of two racing redeemers the second waits and then
 * finds it redeemed. Every refusal (unknown, expired, void, already redeemed, other currency)
 * counts against the customer and the caller's address; past the limit nothing is looked up.
 */
export async function redeemVoucher(ctx: ServiceContext, input: { customerId: string; code: string }): Promise<Redemption> {
  if (ctx.actor.scope.kind !== 'customer') requirePermission(ctx.actor, 'vouchers.manage');
  const customer = await findCustomer(ctx.db, ctx.actor.scope, input.customerId);
  const buckets = [`voucher:customer:${customer.id}`, `voucher:ip:${ctx.actor.ip ?? 'unknown'}`];
  for (const bucket of buckets) {
    const state = await peekThrottle(ctx.db, bucket, redeemGuesses, ctx.now);
    if (state.limited) throw new ThrottledError(state.retryAfterMs);
  }
  try {
    return await redeem(ctx, customer.id, input.code);
  } catch (error) {
    if (error instanceof AppError && error.code !== 'rate_limited') {
      for (const bucket of buckets) await hitThrottle(ctx.db, bucket, redeemGuesses, ctx.now);
    }
    throw error;
  }
}

async function redeem(ctx: ServiceContext, customerId: string, code: string): Promise<Redemption> {
  const bare = normalizeCode(code);
  if (!bare) throw refused('validation', 'This is not a prepaid card code; it looks like XXXX-XXXX-XXXX');
  return ctx.db.transaction(async (tx) => {
    await lockCustomer(tx, customerId);
    const customer = await findCustomer(tx, ctx.actor.scope, customerId);
    const found = await lockVoucher(tx, { codeHash: hashCode(bare) });
    if (!found) throw refused('not_found', 'No prepaid card has this code; check it and try again');
    const { card, batch } = found;
    if (card.redeemedAt) {
      throw refused('conflict', card.redeemedById === customer.id ? 'You have already redeemed this card' : 'This card has already been redeemed');
    }
    if (card.voidedAt || batch.voidedAt) throw refused('invalid_state', 'This card has been cancelled and cannot be redeemed');
    if (batch.expiresOn < toPlainDate(ctx.now)) throw refused('invalid_state', `This card expired on ${batch.expiresOn}`);
    if (batch.currency !== customer.currency) {
      throw refused('invalid_state', `This card is in ${batch.currency}; your account is billed in ${customer.currency}`);
    }

    const tail = codeTail(bare);
    const invoice = await issueTopUpInvoice(tx, ctx.now, customer, batch.value, `Prepaid card …${tail}`);
    await audit(tx, ctx.actor, 'invoice.created', { type: 'invoice', id: invoice.id }, { after: await loadInvoice(tx, { kind: 'all' }, invoice.id) });
    // The card pays its invoice in full; settlement puts the value on the credit balance.
    await insertPayment(
      tx,
      ctx,
      invoice,
      {
        amount: batch.value,
        currency: batch.currency,
        method: 'prepaid_card',
        reference: `Prepaid card …${tail}`,
        paidAt: ctx.now,
        provider: null,
        providerId: null,
      },
      batch.value,
    );
    await tx.update(vouchers).set({ redeemedAt: ctx.now, redeemedById: customer.id, invoiceId: invoice.id }).where(eq(vouchers.id, card.id));
    await audit(
      tx,
      ctx.actor,
      'voucher.redeemed',
      { type: 'voucher', id: card.id },
      { before: { redeemedAt: null }, after: { redeemedAt: ctx.now, customerId: customer.id, invoiceId: invoice.id, batchId: batch.id, codeTail: tail } },
    );
    return {
      voucherId: card.id,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number!,
      amount: batch.value,
      currency: batch.currency,
      creditBalance: await creditBalance(tx, customer.id, customer.currency),
    };
  });
}
