import { and, desc, eq } from 'drizzle-orm';
import { customers, paymentAttempts } from '@/db/schema';
import { stripeChargeAmount } from '@/server/billing/stripe-amounts';
import { AppError } from '@/server/errors';
import { readPaymentConfig, type PayPalConfig, type StripeConfig } from '@/server/payments/config';
import { createPayPalOrder } from '@/server/payments/paypal';
import { stripeCall, stripeClient } from '@/server/payments/stripe';
import type { PayAccess } from '@/server/schemas/payments';
import type { ServiceContext } from '@/server/services/context';
import { amountDue, payerInvoice } from '@/server/services/invoices/payer';
import { lockInvoice, type InvoiceView } from '@/server/services/invoices/store';

type Attempt = typeof paymentAttempts.$inferSelect;

// An open attempt for the same amount is handed out again rather than opening a second
// session the customer could also pay: Stripe sessions live 24 hours, PayPal orders about 3.
const reuseFor: Record<Attempt['provider'], number> = { stripe: 23 * 3600_000, paypal: 2 * 3600_000 };

/**
 * The attempt to use for paying `amount` now: the latest open one when it is for the same
 * amount and still fresh, else the next number. Numbered under the invoice's row lock, so a
 * double click shares one attempt and therefore one gateway idempotency key.
 */
async function claimAttempt(ctx: ServiceContext, invoice: InvoiceView, provider: Attempt['provider'], amount: bigint): Promise<Attempt> {
  return ctx.db.transaction(async (tx) => {
    await lockInvoice(tx, { kind: 'all' }, invoice.id);
    const [latest] = await tx
      .select()
      .from(paymentAttempts)
      .where(and(eq(paymentAttempts.invoiceId, invoice.id), eq(paymentAttempts.provider, provider)))
      .orderBy(desc(paymentAttempts.attempt))
      .limit(1);
    const fresh =
      latest && latest.amount === amount && latest.currency === invoice.currency && ctx.now.getTime() - latest.createdAt.getTime() < reuseFor[provider];
    if (latest && fresh) return latest;
    const [created] = await tx
      .insert(paymentAttempts)
      .values({ invoiceId: invoice.id, provider, attempt: (latest?.attempt ?? 0) + 1, amount, currency: invoice.currency, createdAt: ctx.now })
      .returning();
    return created!;
  });
}

async function remember(ctx: ServiceContext, attempt: Attempt, providerRef: string, url: string | null): Promise<void> {
  await ctx.db.update(paymentAttempts).set({ providerRef, url }).where(eq(paymentAttempts.id, attempt.id));
}

function requireStripe(config: StripeConfig | null): StripeConfig {
  if (!config) throw new AppError('invalid_state', 'Card payments are not available');
  return config;
}

function requirePayPal(config: PayPalConfig | null): PayPalConfig {
  if (!config) throw new AppError('invalid_state', 'PayPal is not available');
  return config;
}

/** A Stripe Checkout Session for the invoice's balance; returns where the customer pays it. */
export async function startStripeCheckout(ctx: ServiceContext, input: { invoiceId: string; access: PayAccess; origin: string }): Promise<string> {
  const config = requireStripe((await readPaymentConfig(ctx.db)).stripe);
  const invoice = await payerInvoice(ctx, input.invoiceId, input.access);
  // What Stripe accepts: a three-decimal balance rounded up to tens, the rest credited when paid.
  const amount = stripeChargeAmount(amountDue(invoice), invoice.currency);
  const attempt = await claimAttempt(ctx, invoice, 'stripe', amount);
  if (attempt.url) return attempt.url;
  const [customer] = await ctx.db.select({ email: customers.email }).from(customers).where(eq(customers.id, invoice.customerId));
  const back = `${input.origin}/pay/return?provider=stripe`;
  const session = await stripeCall('start the checkout', () =>
    stripeClient(config).checkout.sessions.create(
      {
        mode: 'payment',
        line_items: [
          {
            quantity: 1,
            price_data: { currency: invoice.currency.toLowerCase(), unit_amount: Number(amount), product_data: { name: `Invoice ${invoice.number}` } },
          },
        ],
        client_reference_id: invoice.id,
        metadata: { invoice_id: invoice.id, invoice_number: invoice.number ?? '' },
        // The payment intent carries the invoice too: payment_intent.succeeded names it alone.
        payment_intent_data: { metadata: { invoice_id: invoice.id, invoice_number: invoice.number ?? '' } },
        ...(customer?.email ? { customer_email: customer.email } : {}),
        success_url: `${back}&session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${back}&cancelled=1&attempt=${attempt.id}`,
      },
      { idempotencyKey: `cashdesk-checkout-${invoice.id}-${attempt.attempt}` },
    ),
  );
  if (!session.url) throw new AppError('payment_failed', 'Stripe returned no checkout page');
  await remember(ctx, attempt, session.id, session.url);
  return session.url;
}

/** A PayPal order for the invoice's balance, for the PayPal buttons to have approved. */
export async function startPayPalOrder(ctx: ServiceContext, input: { invoiceId: string; access: PayAccess }): Promise<{ orderId: string }> {
  const config = requirePayPal((await readPaymentConfig(ctx.db)).paypal);
  const invoice = await payerInvoice(ctx, input.invoiceId, input.access);
  const amount = amountDue(invoice);
  const attempt = await claimAttempt(ctx, invoice, 'paypal', amount);
  if (attempt.providerRef) return { orderId: attempt.providerRef };
  const order = await createPayPalOrder(config, {
    invoiceId: invoice.id,
    // PayPal accounts usually refuse a second payment under one invoice_id, so a later attempt
    // (after a partial payment, or an abandoned order) names itself apart.
    invoiceNumber: attempt.attempt === 1 ? (invoice.number ?? invoice.id) : `${invoice.number ?? invoice.id}-${attempt.attempt}`,
    description: `Invoice ${invoice.number}`,
    amount,
    currency: invoice.currency,
    requestId: `cashdesk-order-${invoice.id}-${attempt.attempt}`,
  });
  await remember(ctx, attempt, order.id, null);
  return { orderId: order.id };
}
