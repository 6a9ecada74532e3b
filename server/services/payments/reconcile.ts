import { and, desc, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import { invoices, paymentAttempts } from '@/db/schema';
import { awaitingPayment } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import { readPaymentConfig, type PayPalConfig, type StripeConfig } from '@/server/payments/config';
import { getPayPalOrder } from '@/server/payments/paypal';
import type { ServiceContext } from '@/server/services/context';
import { settlePayPalOrder, settleStripeSession } from './confirm';

// Checkouts older than this have expired at the gateway (Stripe 24 h, PayPal 3 h) long since;
// a week leaves room for webhooks lost over a long outage.
const LOOKBACK_MS = 7 * 24 * 3600_000;

export type ReconcileResult = { checked: number; recorded: number; failed: number };

/**
 * Hourly: for every invoice still awaiting payment with a gateway checkout started in the last
 * week, ask the gateway how it stands and record what a lost webhook and an abandoned return
 * page both missed. PayPal orders the buyer approved but nobody captured are captured now.
 * Recording goes through the same keyed path as webhooks, so a rerun records nothing twice.
 */
export async function reconcilePayments(ctx: ServiceContext): Promise<ReconcileResult> {
  const config = await readPaymentConfig(ctx.db);
  const attempts = await ctx.db
    .select({ invoiceId: paymentAttempts.invoiceId, provider: paymentAttempts.provider, ref: paymentAttempts.providerRef })
    .from(paymentAttempts)
    .innerJoin(invoices, eq(invoices.id, paymentAttempts.invoiceId))
    .where(
      and(
        isNotNull(paymentAttempts.providerRef),
        gte(paymentAttempts.createdAt, new Date(ctx.now.getTime() - LOOKBACK_MS)),
        inArray(invoices.status, [...awaitingPayment]),
      ),
    )
    .orderBy(desc(paymentAttempts.createdAt));
  const result: ReconcileResult = { checked: 0, recorded: 0, failed: 0 };
  for (const attempt of attempts) {
    result.checked++;
    try {
      const outcome =
        attempt.provider === 'stripe'
          ? await reconcileStripe(ctx, config.stripe, attempt.invoiceId, attempt.ref!)
          : await reconcilePayPal(ctx, config.paypal, attempt.invoiceId, attempt.ref!);
      if (outcome.endsWith(' recorded')) result.recorded++;
    } catch (error) {
      // One gateway hiccup must not stop the others; the next hour asks again.
      if (!(error instanceof AppError)) throw error;
      result.failed++;
    }
  }
  return result;
}

async function reconcileStripe(ctx: ServiceContext, config: StripeConfig | null, invoiceId: string, sessionId: string): Promise<string> {
  if (!config) return 'skipped: Stripe is not configured';
  return (await settleStripeSession(ctx, config, { invoiceId, sessionId, via: 'reconciliation' })).outcome;
}

async function reconcilePayPal(ctx: ServiceContext, config: PayPalConfig | null, invoiceId: string, orderId: string): Promise<string> {
  if (!config) return 'skipped: PayPal is not configured';
  const order = await getPayPalOrder(config, orderId);
  if (order.status !== 'APPROVED' && order.status !== 'COMPLETED') return `open (${order.status})`;
  return (await settlePayPalOrder(ctx, config, { invoiceId, orderId, via: 'reconciliation' })).outcome;
}
