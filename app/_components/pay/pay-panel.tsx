import { getLocale, getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { formatsFor } from '@/i18n/format';
import type { Locale } from '@/i18n/locales';
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
 * public invoice page; `method` is the one the customer chose at checkout, shown first. In the
 * page's language, or `locale` where a page writes for someone else (the invoice's customer).
 */
export async function PayPanel({
  invoiceId,
  access,
  method,
  locale,
}: {
  invoiceId: string;
  access: PayAccess;
  method?: CheckoutMethod | undefined;
  locale?: Locale | undefined;
}) {
  const { ctx } = await payerContext(await headers(), access.kind === 'token' ? access.token : null);
  const options = await payOptions(ctx, { invoiceId, access });
  const { invoice } = options;
  const language = locale ?? (await getLocale());
  const t = await getTranslations({ locale: language, namespace: 'shop.pay' });
  const formats = formatsFor(language, { decimals: options.decimals });
  const money = (amount: bigint) => formats.money(amount, invoice.currency);
  const token = access.kind === 'token' ? access.token : undefined;

  if (invoice.balance <= 0n) {
    return (
      <Card className="p-6" data-testid="pay-panel">
        <p className="text-sm text-fg-muted">{t('nothingLeft')}</p>
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
            {t('byCard', { amount: money(invoice.balance) })}
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
            {t('fromCredit', { amount: money(options.credit.available) })}
          </button>
        </form>
      ) : (
        <p className="text-sm text-fg-muted">{t('creditShort', { amount: money(options.credit.available) })}</p>
      ),
    });
  }
  if (options.bankTransfer) {
    choices.push({
      key: 'bank_transfer',
      node: (
        <div className="rounded-md border border-border bg-muted/50 p-4 text-sm" data-testid="bank-transfer">
          <div className="font-medium">{t('bankTransfer')}</div>
          <p className="mt-1 whitespace-pre-line text-fg-muted">{options.bankTransfer.instructions}</p>
          <p className="mt-2">
            {t.rich('reference', { number: invoice.number ?? '', mono: (words) => <span className="font-mono font-medium">{words}</span> })}
          </p>
        </div>
      ),
    });
  }
  choices.sort((a, b) => Number(b.key === method) - Number(a.key === method));

  return (
    <Card className="space-y-4 p-6" data-testid="pay-panel">
      <div>
        <div className="text-sm text-fg-muted">{t('amountDue')}</div>
        <div className="text-3xl font-semibold tabular-nums">{money(invoice.balance)}</div>
      </div>
      {choices.length === 0 ? (
        <p className="text-sm text-fg-muted">{t('noWay')}</p>
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
