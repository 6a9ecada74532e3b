import type { Metadata } from 'next';
import { offeredMethods, readPaymentConfig } from '@/server/payments/config';
import { shopperOf, storeCurrencies } from '@/server/services/storefront/read';
import { shopper } from '../_lib/shopper';
import { PageHeader } from '../../_components/ui/card';
import { Checkout, type CheckoutAccount } from './checkout';

export const metadata: Metadata = { title: 'Checkout' };

export default async function CheckoutPage() {
  const { ctx, user } = await shopper();
  const [config, { currency }, currencies] = await Promise.all([readPaymentConfig(ctx.db), shopperOf(ctx.db, ctx.actor), storeCurrencies(ctx.db)]);
  const account: CheckoutAccount = !user
    ? { kind: 'visitor' }
    : ctx.actor.scope.kind === 'customer'
      ? { kind: 'client', name: user.name, email: user.email }
      : { kind: 'other', name: user.name, email: user.email };
  return (
    <>
      <PageHeader title="Checkout" description={`Review your cart and place your order. Prices are in ${currency}.`} />
      <Checkout
        account={account}
        currency={currency}
        methods={offeredMethods(config)}
        bankInstructions={config.bankTransfer?.instructions ?? null}
        termsUrl={config.termsUrl}
        currencies={currencies}
      />
    </>
  );
}
