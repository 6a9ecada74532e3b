import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { offeredMethods, readPaymentConfig } from '@/server/payments/config';
import { shopperOf, storeCurrencies } from '@/server/services/storefront/read';
import { shopper } from '../_lib/shopper';
import { PageHeader } from '../../_components/ui/card';
import { Checkout, type CheckoutAccount } from './checkout';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shop.checkout'))('title') };
}

export default async function CheckoutPage() {
  const { ctx, user } = await shopper();
  const t = await getTranslations('shop.checkout');
  const [config, { currency }, currencies] = await Promise.all([readPaymentConfig(ctx.db), shopperOf(ctx.db, ctx.actor), storeCurrencies(ctx.db)]);
  const account: CheckoutAccount = !user
    ? { kind: 'visitor' }
    : ctx.actor.scope.kind === 'customer'
      ? { kind: 'client', name: user.name, email: user.email }
      : { kind: 'other', name: user.name, email: user.email };
  return (
    <>
      <PageHeader title={t('title')} description={t('description', { currency })} />
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
