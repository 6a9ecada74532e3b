import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { readBillingSettings } from '@/server/services/settings/read';
import { readStorefront, type StoreProduct } from '@/server/services/storefront/read';
import { billingChoice, BillingSwitch, shownPrice } from '../_components/billing-switch';
import { FeatureList } from '../_components/feature-list';
import { perCycle } from '../_lib/cycles';
import { shopper } from '../_lib/shopper';
import { Markdown } from '../../_components/markdown';
import { buttonClass } from '../../_components/ui/button';
import { Card, PageHeader } from '../../_components/ui/card';
import { pageFormats } from '../../_lib/money';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shop.store'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function StorePage({ searchParams }: { searchParams: Search }) {
  const billing = billingChoice((await searchParams).billing);
  const { ctx } = await shopper();
  const [store, settings, formats, t] = await Promise.all([readStorefront(ctx), readBillingSettings(ctx.db), pageFormats(), getTranslations('shop.store')]);
  const money = (amount: bigint) => formats.money(amount, store.currency);
  const products = store.categories.flatMap((c) => c.products);
  const bestSaving = Math.max(0, ...products.flatMap((p) => p.prices.filter((price) => price.cycle === 'annual').map((price) => price.savingsPercent ?? 0)));

  return (
    <>
      <PageHeader
        title={t('title')}
        description={
          Number(settings.tax_rate) > 0
            ? t('descriptionBeforeTax', { currency: store.currency, tax: settings.tax_label })
            : t('description', { currency: store.currency })
        }
      >
        {products.length > 0 ? <BillingSwitch billing={billing} bestSaving={bestSaving} path="/store" /> : null}
      </PageHeader>
      {store.categories.length === 0 ? (
        <Card className="p-8 text-center text-sm text-fg-muted">{t('empty', { currency: store.currency })}</Card>
      ) : (
        <div className="space-y-10">
          {store.categories.map((category) => (
            <section key={category.name} aria-labelledby={`category-${slug(category.name)}`}>
              <h2 id={`category-${slug(category.name)}`} className="mb-4 text-lg font-semibold tracking-tight">
                {category.name}
              </h2>
              <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {category.products.map((product) => (
                  <li key={product.id} className="min-w-0">
                    <ProductCard product={product} billing={billing} money={money} />
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

async function ProductCard({
  product,
  billing,
  money,
}: {
  product: StoreProduct;
  billing: ReturnType<typeof billingChoice>;
  money: (amount: bigint) => string;
}) {
  const price = shownPrice(product, billing);
  const t = await getTranslations('shop');
  return (
    <Card className="flex h-full flex-col p-5" aria-labelledby={`product-${product.id}`} role="article">
      <h3 id={`product-${product.id}`} className="text-base font-semibold">
        {product.name}
      </h3>
      {product.description ? <Markdown text={product.description} className="mt-1 text-sm text-fg-muted" /> : null}
      <div className="mt-4" data-testid="product-price">
        <p>
          <span className="text-3xl font-semibold tracking-tight tabular-nums">{money(price.amount)}</span>
          <span className="text-sm text-fg-muted">{price.cycle === 'one_time' ? ` ${t('store.oneTime')}` : perCycle(t, price.cycle)}</span>
        </p>
        <p className="mt-1 flex min-h-6 flex-wrap items-center gap-2 text-xs text-fg-muted">
          {price.savings && price.savingsPercent ? (
            <span className="rounded-full bg-success/15 px-2 py-0.5 font-medium text-success">
              {t('store.saving', { percent: price.savingsPercent, amount: money(price.savings) })}
            </span>
          ) : null}
          {price.setupFee > 0n ? <span>{t('store.setup', { amount: money(price.setupFee) })}</span> : null}
        </p>
      </div>
      <FeatureList product={product} className="mt-4" />
      {product.optionGroups.length > 0 ? (
        <p className="mt-3 text-xs text-fg-muted">{t('store.configurable', { groups: product.optionGroups.map((g) => g.name).join(', ') })}</p>
      ) : null}
      <div className="mt-auto pt-5">
        <Link href={`/store/${product.id}?cycle=${price.cycle}`} className={buttonClass('primary', 'w-full')}>
          {product.optionGroups.length > 0 ? t('store.configure') : t('store.choose')}
          <span className="sr-only"> {product.name}</span>
        </Link>
      </div>
    </Card>
  );
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
