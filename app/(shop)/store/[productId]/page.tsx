import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { isUuid } from '@/server/schemas/common';
import { readStoreProduct } from '@/server/services/storefront/read';
import { FeatureList } from '../../_components/feature-list';
import { shopper } from '../../_lib/shopper';
import { Markdown } from '../../../_components/markdown';
import { ConfigureProduct } from './configure-product';

type Params = { params: Promise<{ productId: string }> };
type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A product that is not on sale in the shopper's currency is a plain 404, like an unknown one. */
async function load(params: Params['params']) {
  const { productId } = await params;
  if (!isUuid(productId)) notFound();
  const { ctx } = await shopper();
  return (await readStoreProduct(ctx, { id: productId })) ?? notFound();
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { product } = await load(params);
  return { title: product.name };
}

export default async function ProductPage({ params, searchParams }: Params & Search) {
  const { product, currency } = await load(params);
  const { cycle } = await searchParams;
  const t = await getTranslations('shop.product');
  return (
    <>
      <Link href="/store" className="mb-4 inline-flex items-center gap-1 text-sm text-fg-muted hover:text-fg">
        <ArrowLeft className="size-4" aria-hidden />
        {t('allProducts')}
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">{product.name}</h1>
      {product.description || product.features.length > 0 ? (
        <div className="mt-3 grid max-w-4xl gap-x-10 gap-y-4 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          {product.description ? <Markdown text={product.description} className="text-sm text-fg-muted" /> : <div />}
          <FeatureList product={product} />
        </div>
      ) : null}
      <ConfigureProduct product={product} currency={currency} initialCycle={typeof cycle === 'string' ? cycle : undefined} />
    </>
  );
}
