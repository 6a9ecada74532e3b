import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoney } from '@/server/billing/currency';
import { readBillingSettings } from '@/server/services/settings/read';
import { readStorefront, type StoreProduct } from '@/server/services/storefront/read';
import { cycleName, perCycle } from '../_lib/cycles';
import { shopper } from '../_lib/shopper';
import { buttonClass } from '../../_components/ui/button';
import { Card, PageHeader } from '../../_components/ui/card';

export const metadata: Metadata = { title: 'Store' };

export default async function StorePage() {
  const { ctx } = await shopper();
  const [store, settings] = await Promise.all([readStorefront(ctx), readBillingSettings(ctx.db)]);
  const money = (amount: bigint) => formatMoney(amount, store.currency, { decimals: settings.display_decimals });

  return (
    <>
      <PageHeader
        title="Store"
        description={`Choose a plan and its options; prices are in ${store.currency}${Number(settings.tax_rate) > 0 ? `, before ${settings.tax_label.toLowerCase()}` : ''}.`}
      />
      {store.categories.length === 0 ? (
        <Card className="p-8 text-center text-sm text-fg-muted">Nothing is on sale in {store.currency} right now.</Card>
      ) : (
        <div className="space-y-10">
          {store.categories.map((category) => (
            <section key={category.name} aria-labelledby={`category-${slug(category.name)}`}>
              <h2 id={`category-${slug(category.name)}`} className="mb-4 text-lg font-semibold tracking-tight">
                {category.name}
              </h2>
              <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {category.products.map((product) => (
                  <li key={product.id}>
                    <ProductCard product={product} money={money} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}

function ProductCard({ product, money }: { product: StoreProduct; money: (amount: bigint) => string }) {
  const from = product.prices[0]!;
  return (
    <Card className="flex h-full flex-col p-5" aria-labelledby={`product-${product.id}`} role="article">
      <h3 id={`product-${product.id}`} className="text-base font-semibold">
        {product.name}
      </h3>
      {product.description ? <p className="mt-1 line-clamp-3 text-sm text-fg-muted">{product.description}</p> : null}
      <p className="mt-3">
        <span className="text-2xl font-semibold tabular-nums">{money(from.amount)}</span>
        <span className="text-sm text-fg-muted"> {perCycle[from.cycle]}</span>
      </p>
      <table className="mt-3 w-full text-sm" aria-label={`${product.name} billing cycles`}>
        <tbody>
          {product.prices.map((price) => (
            <tr key={price.cycle} className="border-t border-border">
              <th scope="row" className="py-1.5 text-left font-normal text-fg-muted">
                {cycleName[price.cycle]}
              </th>
              <td className="py-1.5 text-right tabular-nums">
                {money(price.amount)}
                {price.setupFee > 0n ? <div className="text-xs text-fg-muted">+ {money(price.setupFee)} setup</div> : null}
              </td>
              <td className="w-20 py-1.5 text-right">
                {price.savingsPercent ? (
                  <span className="rounded-full bg-success/15 px-2 py-0.5 text-xs font-medium text-success">save {price.savingsPercent}%</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {product.optionGroups.length > 0 ? (
        <p className="mt-3 text-xs text-fg-muted">Configurable: {product.optionGroups.map((g) => g.name).join(', ')}</p>
      ) : null}
      <div className="mt-auto pt-4">
        <Link href={`/store/${product.id}`} className={buttonClass('primary', 'w-full')}>
          {product.optionGroups.length > 0 ? 'Configure' : 'Choose'}
          <span className="sr-only"> {product.name}</span>
        </Link>
      </div>
    </Card>
  );
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
