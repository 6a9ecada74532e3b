import { CheckCircle2, Clock, XCircle } from 'lucide-react';
import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { headers } from 'next/headers';
import Link from 'next/link';
import { RefreshWhilePending } from '@/app/_components/console/refresh-while-pending';
import { buttonClass } from '@/app/_components/ui/button';
import { Card } from '@/app/_components/ui/card';
import { StatusPill } from '@/app/_components/ui/status-pill';
import { loadDocumentWords } from '@/server/documents/load';
import { statusText } from '@/server/documents/words';
import { AppError } from '@/server/errors';
import { payerContext } from '@/server/http/pay-route';
import { publicInvoicePath } from '@/server/services/invoices/public-link';
import { loadInvoice } from '@/server/services/invoices/store';
import { cancelledCheckout, confirmPayPalReturn, confirmStripeReturn, paymentOutcome, type PaymentOutcome } from '@/server/services/payments/confirm';
import { customerLocaleById } from '@/server/services/settings/locale';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await loadDocumentWords(await getLocale())).t('payReturn.title') };
}

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
  // In the language of the invoice's customer, like the invoice page the payer came from.
  const w = await loadDocumentWords(outcome ? await customerLocaleById(ctx, outcome.customerId) : await getLocale());
  const { t } = w;
  const headline = problem
    ? t('payReturn.failed')
    : paid
      ? t('payReturn.received')
      : outcome?.gateway === 'pending'
        ? t('payReturn.processing')
        : t('payReturn.notPaid');

  return (
    <main id="content" tabIndex={-1} lang={w.locale} className="outline-none mx-auto flex min-h-screen max-w-lg flex-col justify-center gap-6 px-4 py-12">
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
        {!problem && outcome?.gateway === 'unpaid' && !paid && <p className="text-sm text-fg-muted">{t('payReturn.nothingCharged')}</p>}
        {!problem && outcome?.gateway === 'pending' && !paid && <p className="text-sm text-fg-muted">{t('payReturn.beingProcessed')}</p>}
        {outcome && (
          <dl className="grid grid-cols-2 gap-3 text-sm">
            <dt className="text-fg-muted">{t('payReturn.invoice')}</dt>
            <dd className="flex items-center gap-2 font-medium">
              {outcome.invoiceNumber} <StatusPill status={outcome.invoiceStatus} label={statusText(w, outcome.invoiceStatus)} />
            </dd>
            {outcome.balance > 0n && (
              <>
                <dt className="text-fg-muted">{t('payReturn.stillToPay')}</dt>
                <dd className="font-medium tabular-nums">{w.formats.money(outcome.balance, outcome.currency)}</dd>
              </>
            )}
            {outcome.order && (
              <>
                <dt className="text-fg-muted">{t('payReturn.order', { number: outcome.order.number })}</dt>
                <dd data-testid="order-state" className="font-medium">
                  {outcome.order.awaitingApproval ? (
                    t('payReturn.awaitingApproval')
                  ) : (
                    <StatusPill status={outcome.order.status} label={statusText(w, outcome.order.status)} />
                  )}
                </dd>
              </>
            )}
          </dl>
        )}
        {outcome?.order?.awaitingApproval && <p className="text-sm text-fg-muted">{t('payReturn.reviewing')}</p>}
        <div className="flex flex-wrap gap-2">
          {backHref && (
            <Link href={backHref} className={buttonClass('primary')}>
              {t('payReturn.backToInvoice')}
            </Link>
          )}
          {invoiceHref && (
            <Link href={invoiceHref} className={buttonClass('primary')}>
              {t('payReturn.viewInvoice')}
            </Link>
          )}
          {ctx.actor.scope.kind === 'customer' && (
            <Link href="/client" className={buttonClass('secondary')}>
              {t('payReturn.myAccount')}
            </Link>
          )}
        </div>
      </Card>
    </main>
  );
}
