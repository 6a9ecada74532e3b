import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { readBillingSettings } from '@/server/services/settings/read';
import { MoneyProvider } from '../_components/money';
import { ShopHeader } from './_components/shop-header';
import { shopper } from './_lib/shopper';

/** The public storefront and checkout: no sign-in needed, prices shown as the settings say. */
export default async function ShopLayout({ children }: { children: ReactNode }) {
  const { ctx, user } = await shopper();
  const settings = await readBillingSettings(ctx.db);
  return (
    <div className="flex min-h-screen flex-col">
      <ShopHeader user={user} />
      <main id="content" tabIndex={-1} className="outline-none mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
        <MoneyProvider decimals={settings.display_decimals ?? null} locale={await getLocale()}>
          {children}
        </MoneyProvider>
      </main>
    </div>
  );
}
