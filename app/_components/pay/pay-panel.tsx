import { headers } from 'next/headers';
import { formatMoney } from '@/server/billing/currency';
import { payerContext } from '@/server/http/pay-route';
import type { CheckoutMethod, PayAccess } from '@/server/schemas/payments';
import { payOptions } from '@/server/services/payments/pay-options';
import { buttonClass } from '../ui/button';
import { Card } from '../ui/card';
import { cn } from '../ui/cn';
import { PayPalButtons } from './paypal-buttons';

/**
 * The pay buttons of one invoice (card through Stripe Checkout, PayPal, credit balance, bank
 * transfer), offered while it has a balance. Used by the client portal's pay page and the
 * public invoice page; `method` is the one the customer chose at checkout, shown first.
 */
export async function PayPanel({ invoiceId, access, method }: { invoiceId: string; access: PayAccess; method?: CheckoutMethod | undefined }) {
  const { ctx } = await payerContext(await headers(), access.kind === 'token' ? access.token : null);
  const options = await payOptions(ctx, { invoiceId, access });
  const { invoice } = options;
  const money = (amount: bigint) => formatMoney(amount, invoice.currency, { decimals: options.decimals ?? undefined });
  const token = access.kind === 'token' ? access.token : undefined;

  if (invoice.balance <= 0n) {
    return (
      <Card className="p-6" data-testid="pay-panel">
        <p className="text-sm text-fg-muted">Nothing is left to pay on this invoice.</p>
      </Card>
    );
  }

  const choices: Array<{ key: CheckoutMethod; node: React.ReactNode }> = [];
  if (options.stripe) {
    choices.push({
      key: 'stripe',
      node: (
        <form action={`/pay/${invoice.id}/stripe`} method="post">
          {token && <input type="hidden" name="token" value={token} />}
          <button type="submit" className={buttonClass('primary', 'h-11 w-full text-base')}>
            Pay {money(invoice.balance)} by card
          </button>
        </form>
      ),
    });
  }
  if (options.paypal) {
    choices.push({
      key: 'paypal',
      node: (
        <PayPalButtons invoiceId={invoice.id} token={token} currency={invoice.currency} clientId={options.paypal.clientId} sdkUrl={options.paypal.sdkUrl} />
      ),
    });
  }
  if (options.credit) {
    choices.push({
      key: 'credit',
      node: options.credit.covers ? (
        <form action={`/pay/${invoice.id}/credit`} method="post">
          <button type="submit" className={buttonClass('secondary', 'h-11 w-full')}>
            Pay from credit balance ({money(options.credit.available)} available)
          </button>
        </form>
      ) : (
        <p className="text-sm text-fg-muted">Your credit balance ({money(options.credit.available)}) does not cover this invoice.</p>
      ),
    });
  }
  if (options.bankTransfer) {
    choices.push({
      key: 'bank_transfer',
      node: (
        <div className="rounded-md border border-border bg-muted/50 p-4 text-sm" data-testid="bank-transfer">
          <div className="font-medium">Bank transfer</div>
          <p className="mt-1 whitespace-pre-line text-fg-muted">{options.bankTransfer.instructions}</p>
          <p className="mt-2">
            Reference: <span className="font-mono font-medium">{invoice.number}</span>
          </p>
        </div>
      ),
    });
  }
  choices.sort((a, b) => Number(b.key === method) - Number(a.key === method));

  return (
    <Card className="space-y-4 p-6" data-testid="pay-panel">
      <div>
        <div className="text-sm text-fg-muted">Amount due</div>
        <div className="text-3xl font-semibold tabular-nums">{money(invoice.balance)}</div>
      </div>
      {choices.length === 0 ? (
        <p className="text-sm text-fg-muted">No way to pay online is set up yet. Please contact us to settle this invoice.</p>
      ) : (
        <div className="space-y-3">
          {choices.map((choice) => (
            <div
              key={choice.key}
              data-method={choice.key}
              className={cn(choice.key === method && choices.length > 1 && 'rounded-lg ring-2 ring-accent/40 ring-offset-2 ring-offset-surface')}
            >
              {choice.node}
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
