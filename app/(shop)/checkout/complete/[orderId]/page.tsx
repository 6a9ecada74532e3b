import { CheckCircle2 } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AppError } from '@/server/errors';
import type { PriceCycle } from '@/server/schemas/catalog';
import { isUuid } from '@/server/schemas/common';
import { checkoutMethods } from '@/server/schemas/payments';
import { orderConfirmation } from '@/server/services/storefront/confirmation';
import { perCycle } from '../../../_lib/cycles';
import { shopper } from '../../../_lib/shopper';
import { RefreshWhilePending } from '../../../../_components/console/refresh-while-pending';
import { PayPanel } from '../../../../_components/pay/pay-panel';
import { buttonClass } from '../../../../_components/ui/button';
import { Card } from '../../../../_components/ui/card';
import { StatusPill } from '../../../../_components/ui/status-pill';
import { requireArea } from '../../../../_lib/guard';
import { pageFormats } from '../../../../_lib/money';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shop.complete'))('title') };
}

type Params = { params: Promise<{ orderId: string }> };

/**
 * The page after placing an order (WHMCS's order confirmation): its number, what happens next,
 * and the first invoice's pay buttons with the method chosen at checkout first. Only the client
 * who placed it sees it; anyone else gets the 404 page.
 */
export default async function OrderComplete({ params }: Params) {
  await requireArea('client');
  const { orderId } = await params;
  if (!isUuid(orderId)) notFound();
  const { ctx } = await shopper();
  const { order, invoice, reviewed } = await orderConfirmation(ctx, { id: orderId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const [formats, t, cycleName] = await Promise.all([pageFormats(), getTranslations('shop'), getTranslations('common.cycle')]);
  const money = (amount: bigint) => formats.money(amount, order.currency);
  const method = checkoutMethods.find((m) => m === order.paymentMethod);
  const paid = !invoice || invoice.balance <= 0n;
  // A paid order goes live by its activation job right after the payment commits: follow it.
  const activating = paid && order.status === 'pending' && !order.awaitingApproval;

  const steps: string[] = [];
  if (!paid && invoice) {
    steps.push(
      method === 'bank_transfer'
        ? t('complete.stepTransfer', { amount: money(invoice.balance), number: invoice.number ?? '' })
        : t('complete.stepPay', { amount: money(invoice.balance), number: invoice.number ?? '', method: method ?? 'none' }),
    );
  }
  steps.push(reviewed ? t('complete.stepReviewed') : t('complete.stepStart'));
  steps.push(t('complete.stepAccount'));

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      {activating ? <RefreshWhilePending forMs={15_000} /> : null}
      <Card className="min-w-0 p-6 lg:col-start-1" data-testid="order-confirmation">
        <div className="flex items-start gap-3">
          <CheckCircle2 className="mt-0.5 size-8 shrink-0 text-success" aria-hidden />
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight">{t('complete.thanks')}</h1>
            <p className="mt-1 text-sm text-fg-muted">
              {t.rich('complete.number', {
                number: order.number,
                mono: (words) => (
                  <span className="font-mono font-semibold text-fg" data-testid="order-number">
                    {words}
                  </span>
                ),
              })}
            </p>
          </div>
        </div>
        <dl className="mt-5 grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm">
          <dt className="text-fg-muted">{t('complete.placed')}</dt>
          <dd>{formats.day(order.createdAt)}</dd>
          <dt className="text-fg-muted">{t('complete.orderStatus')}</dt>
          <dd data-testid="order-state">{order.awaitingApproval ? t('complete.awaitingApproval') : <StatusPill status={order.status} />}</dd>
          {invoice ? (
            <>
              <dt className="text-fg-muted">{t('complete.invoice')}</dt>
              <dd className="flex flex-wrap items-center gap-2">
                <Link href={`/client/invoices/${invoice.id}`} className="font-medium hover:underline">
                  {invoice.number}
                </Link>
                <StatusPill status={invoice.status} />
              </dd>
            </>
          ) : null}
          {method ? (
            <>
              <dt className="text-fg-muted">{t('complete.payment')}</dt>
              <dd>{t(`method.${method}.label`)}</dd>
            </>
          ) : null}
        </dl>
      </Card>

      <section aria-label={t('complete.payYourInvoice')} className="lg:sticky lg:top-6 lg:col-start-2 lg:row-span-3 lg:row-start-1">
        {invoice && !paid ? (
          <PayPanel invoiceId={invoice.id} access={{ kind: 'session' }} method={method} />
        ) : (
          <Card className="flex items-center gap-3 p-6" role="status" data-testid="order-paid">
            <CheckCircle2 className="size-6 shrink-0 text-success" aria-hidden />
            <div>
              <div className="font-semibold">{t('complete.paid')}</div>
              <p className="text-sm text-fg-muted">
                {order.status === 'active' ? t('complete.active') : order.awaitingApproval ? t('complete.reviewing') : t('complete.settingUp')}
              </p>
            </div>
          </Card>
        )}
      </section>

      <Card className="min-w-0 p-6 lg:col-start-1">
        <h2 className="text-base font-semibold">{t('complete.next')}</h2>
        <ol className="mt-3 space-y-3 text-sm" aria-label={t('complete.next')}>
          {steps.map((step, index) => (
            <li key={step} className="flex gap-3">
              <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-accent/15 text-xs font-semibold text-accent" aria-hidden>
                {index + 1}
              </span>
              <span className="pt-0.5">{step}</span>
            </li>
          ))}
        </ol>
        <div className="mt-5 flex flex-wrap gap-2">
          <Link href="/client" className={buttonClass('secondary')}>
            {t('complete.toAccount')}
          </Link>
          <Link href="/client/orders" className={buttonClass('ghost')}>
            {t('complete.orders')}
          </Link>
          <Link href="/store" className={buttonClass('ghost')}>
            {t('complete.continue')}
          </Link>
        </div>
      </Card>

      <Card className="min-w-0 p-6 lg:col-start-1">
        <h2 className="text-base font-semibold">{t('complete.ordered')}</h2>
        <ul className="mt-3 divide-y divide-border text-sm" aria-label={t('complete.orderedItems')}>
          {order.lines.map((line) => (
            <li key={line.id} className="flex items-start justify-between gap-3 py-2.5">
              <div className="min-w-0">
                <p className="font-medium">{line.description}</p>
                <p className="text-xs text-fg-muted">
                  {[cycleName(line.cycle as PriceCycle), ...line.options.map((o) => (o.quantity > 1 ? `${o.name} × ${o.quantity}` : o.name))].join(' · ')}
                </p>
              </div>
              <span className="shrink-0 tabular-nums">
                {money(line.unitPrice)}
                <span className="text-fg-muted">{perCycle(t, line.cycle)}</span>
              </span>
            </li>
          ))}
        </ul>
        <div className="mt-2 flex items-baseline justify-between border-t border-border pt-3">
          <span className="font-medium">{t('complete.firstInvoice')}</span>
          <span className="text-lg font-semibold tabular-nums">{money(invoice?.total ?? order.total)}</span>
        </div>
      </Card>
    </div>
  );
}
