import { CheckCircle2 } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AppError } from '@/server/errors';
import { isUuid } from '@/server/schemas/common';
import { checkoutMethods } from '@/server/schemas/payments';
import { orderConfirmation } from '@/server/services/storefront/confirmation';
import { cycleName, perCycle } from '../../../_lib/cycles';
import { methodText } from '../../../_lib/methods';
import { shopper } from '../../../_lib/shopper';
import { RefreshWhilePending } from '../../../../_components/console/refresh-while-pending';
import { PayPanel } from '../../../../_components/pay/pay-panel';
import { buttonClass } from '../../../../_components/ui/button';
import { Card } from '../../../../_components/ui/card';
import { StatusPill } from '../../../../_components/ui/status-pill';
import { formatDay } from '../../../../_lib/format';
import { requireArea } from '../../../../_lib/guard';
import { moneyFormatter } from '../../../../_lib/money';

export const metadata: Metadata = { title: 'Order placed' };

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
  const format = await moneyFormatter();
  const money = (amount: bigint) => format(amount, order.currency);
  const method = checkoutMethods.find((m) => m === order.paymentMethod);
  const paid = !invoice || invoice.balance <= 0n;
  // A paid order goes live by its activation job right after the payment commits: follow it.
  const activating = paid && order.status === 'pending' && !order.awaitingApproval;

  const steps: string[] = [];
  if (!paid && invoice) {
    steps.push(
      method === 'bank_transfer'
        ? `Transfer ${money(invoice.balance)} with the reference ${invoice.number}; we match it to your invoice when it arrives.`
        : `Pay invoice ${invoice.number} (${money(invoice.balance)})${method ? ` by ${methodText[method].label.toLowerCase()}` : ''}, here or later from your account.`,
    );
  }
  steps.push(
    reviewed
      ? 'Once it is paid we review your order, and your services start as soon as it is approved.'
      : 'As soon as the payment arrives your services are set up and start.',
  );
  steps.push('Your services, invoices and renewals are in your account, where you can also change them.');

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      {activating ? <RefreshWhilePending forMs={15_000} /> : null}
      <Card className="min-w-0 p-6 lg:col-start-1" data-testid="order-confirmation">
        <div className="flex items-start gap-3">
          <CheckCircle2 className="mt-0.5 size-8 shrink-0 text-success" aria-hidden />
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight">Thank you for your order</h1>
            <p className="mt-1 text-sm text-fg-muted">
              Your order number is{' '}
              <span className="font-mono font-semibold text-fg" data-testid="order-number">
                {order.number}
              </span>
              . Quote it if you contact us.
            </p>
          </div>
        </div>
        <dl className="mt-5 grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm">
          <dt className="text-fg-muted">Placed</dt>
          <dd>{formatDay(order.createdAt)}</dd>
          <dt className="text-fg-muted">Order status</dt>
          <dd data-testid="order-state">{order.awaitingApproval ? 'Awaiting approval' : <StatusPill status={order.status} />}</dd>
          {invoice ? (
            <>
              <dt className="text-fg-muted">Invoice</dt>
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
              <dt className="text-fg-muted">Payment</dt>
              <dd>{methodText[method].label}</dd>
            </>
          ) : null}
        </dl>
      </Card>

      <section aria-label="Pay your invoice" className="lg:sticky lg:top-6 lg:col-start-2 lg:row-span-3 lg:row-start-1">
        {invoice && !paid ? (
          <PayPanel invoiceId={invoice.id} access={{ kind: 'session' }} method={method} />
        ) : (
          <Card className="flex items-center gap-3 p-6" role="status" data-testid="order-paid">
            <CheckCircle2 className="size-6 shrink-0 text-success" aria-hidden />
            <div>
              <div className="font-semibold">Paid</div>
              <p className="text-sm text-fg-muted">
                {order.status === 'active'
                  ? 'Your services are active.'
                  : order.awaitingApproval
                    ? 'We review your order and start it once approved.'
                    : 'Your services are being set up.'}
              </p>
            </div>
          </Card>
        )}
      </section>

      <Card className="min-w-0 p-6 lg:col-start-1">
        <h2 className="text-base font-semibold">What happens next</h2>
        <ol className="mt-3 space-y-3 text-sm" aria-label="What happens next">
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
            Go to your account
          </Link>
          <Link href="/client/orders" className={buttonClass('ghost')}>
            Your orders
          </Link>
          <Link href="/store" className={buttonClass('ghost')}>
            Continue shopping
          </Link>
        </div>
      </Card>

      <Card className="min-w-0 p-6 lg:col-start-1">
        <h2 className="text-base font-semibold">What you ordered</h2>
        <ul className="mt-3 divide-y divide-border text-sm" aria-label="Ordered items">
          {order.lines.map((line) => (
            <li key={line.id} className="flex items-start justify-between gap-3 py-2.5">
              <div className="min-w-0">
                <p className="font-medium">{line.description}</p>
                <p className="text-xs text-fg-muted">
                  {[cycleName[line.cycle], ...line.options.map((o) => (o.quantity > 1 ? `${o.name} × ${o.quantity}` : o.name))].join(' · ')}
                </p>
              </div>
              <span className="shrink-0 tabular-nums">
                {money(line.unitPrice)}
                <span className="text-fg-muted">{perCycle[line.cycle]}</span>
              </span>
            </li>
          ))}
        </ul>
        <div className="mt-2 flex items-baseline justify-between border-t border-border pt-3">
          <span className="font-medium">First invoice</span>
          <span className="text-lg font-semibold tabular-nums">{money(invoice?.total ?? order.total)}</span>
        </div>
      </Card>
    </div>
  );
}
