import { CheckCircle2, Clock, XCircle } from 'lucide-react';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { RefreshWhilePending } from '@/app/_components/console/refresh-while-pending';
import { buttonClass } from '@/app/_components/ui/button';
import { Card } from '@/app/_components/ui/card';
import { StatusPill } from '@/app/_components/ui/status-pill';
import { formatMoney } from '@/server/billing/currency';
import { AppError } from '@/server/errors';
import { payerContext } from '@/server/http/pay-route';
import { publicInvoicePath } from '@/server/services/invoices/public-link';
import { loadInvoice } from '@/server/services/invoices/store';
import { cancelledCheckout, confirmPayPalReturn, confirmStripeReturn, paymentOutcome, type PaymentOutcome } from '@/server/services/payments/confirm';

export const metadata: Metadata = { title: 'Payment' };
export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/**
 * Where Stripe Checkout and the PayPal buttons send the customer back. It asks the gateway
 * itself (retrieves the session, captures the order) instead of waiting for the webhook, so the
 * customer sees Paid at once; the webhook arriving before or after records nothing twice.
 */
export default async function PaymentReturn({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const { ctx } = await payerContext(await headers(), null);
  let outcome: PaymentOutcome | null = null;
  let problem = one(search.error) ?? null;
  try {
    const sessionId = one(search.session_id);
    const orderId = one(search.order_id);
    const attemptId = one(search.attempt);
    const invoiceId = one(search.invoice);
    if (search.provider === 'stripe' && sessionId) outcome = await confirmStripeReturn(ctx, { sessionId });
    else if (search.provider === 'stripe' && attemptId) outcome = await cancelledCheckout(ctx, { attemptId });
    else if (search.provider === 'paypal' && orderId) outcome = await confirmPayPalReturn(ctx, { orderId });
    else if (invoiceId && ctx.actor.scope.kind !== 'none') {
      const invoice = await loadInvoice(ctx.db, ctx.actor.scope, invoiceId);
      outcome = await paymentOutcome(ctx, invoice.id, invoice.balance === 0n ? 'paid' : 'unpaid');
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.message;
  }

  // After a failure, back to where the payer came from: the public link they held, or their portal.
  const failedInvoice = problem && !outcome ? one(search.invoice) : undefined;
  const failedToken = one(search.token);
  const backHref =
    failedInvoice && /^[0-9a-f-]{36}$/.test(failedInvoice)
      ? failedToken
        ? `/p/invoice/${failedInvoice}?token=${encodeURIComponent(failedToken)}`
        : ctx.actor.scope.kind === 'customer'
          ? `/client/invoices/${failedInvoice}/pay`
          : null
      : null;
  const ownInvoice = outcome && ctx.actor.scope.kind === 'customer' && ctx.actor.scope.customerId === outcome.customerId;
  const invoiceHref = outcome && (ownInvoice ? `/client/invoices/${outcome.invoiceId}` : publicInvoicePath(outcome.invoiceId, outcome.tokenVersion));
  const paid = outcome && outcome.invoiceStatus === 'paid';
  // A paid order goes live by its activation job right after the payment commits: follow it.
  const activating = paid && outcome?.order?.status === 'pending' && !outcome.order.awaitingApproval;
  const headline = problem ? 'The payment did not go through' : paid ? 'Payment received' : outcome?.gateway === 'pending' ? 'Payment processing' : 'Not paid';

  return (
    <main id="content" tabIndex={-1} className="outline-none mx-auto flex min-h-screen max-w-lg flex-col justify-center gap-6 px-4 py-12">
      {activating && <RefreshWhilePending forMs={15_000} />}
      <Link href="/store" className="text-sm font-semibold tracking-tight">
        Cashdesk
      </Link>
      <Card className="space-y-5 p-8" data-testid="payment-result">
        <div className="flex items-center gap-3">
          {problem || (!paid && outcome?.gateway !== 'pending') ? (
            <XCircle className="size-8 text-danger" aria-hidden />
          ) : paid ? (
            <CheckCircle2 className="size-8 text-success" aria-hidden />
          ) : (
            <Clock className="size-8 text-amber-500" aria-hidden />
          )}
          <h1 className="text-2xl font-semibold">{headline}</h1>
        </div>
        {problem && <p className="text-sm text-fg-muted">{problem}</p>}
        {!problem && outcome?.gateway === 'unpaid' && !paid && (
          <p className="text-sm text-fg-muted">Nothing was charged. You can pay whenever you are ready.</p>
        )}
        {!problem && outcome?.gateway === 'pending' && !paid && (
          <p className="text-sm text-fg-muted">Your payment is being processed; the invoice updates as soon as it clears.</p>
        )}
        {outcome && (
          <dl className="grid grid-cols-2 gap-3 text-sm">
            <dt className="text-fg-muted">Invoice</dt>
            <dd className="flex items-center gap-2 font-medium">
              {outcome.invoiceNumber} <StatusPill status={outcome.invoiceStatus} />
            </dd>
            {outcome.balance > 0n && (
              <>
                <dt className="text-fg-muted">Still to pay</dt>
                <dd className="font-medium tabular-nums">{formatMoney(outcome.balance, outcome.currency)}</dd>
              </>
            )}
            {outcome.order && (
              <>
                <dt className="text-fg-muted">Order {outcome.order.number}</dt>
                <dd data-testid="order-state" className="font-medium">
                  {outcome.order.awaitingApproval ? 'Awaiting approval' : <StatusPill status={outcome.order.status} />}
                </dd>
              </>
            )}
          </dl>
        )}
        {outcome?.order?.awaitingApproval && <p className="text-sm text-fg-muted">We review new orders before they start; you will hear from us shortly.</p>}
        <div className="flex flex-wrap gap-2">
          {backHref && (
            <Link href={backHref} className={buttonClass('primary')}>
              Back to the invoice
            </Link>
          )}
          {invoiceHref && (
            <Link href={invoiceHref} className={buttonClass('primary')}>
              View invoice
            </Link>
          )}
          {ctx.actor.scope.kind === 'customer' && (
            <Link href="/client" className={buttonClass('secondary')}>
              My account
            </Link>
          )}
        </div>
      </Card>
    </main>
  );
}
