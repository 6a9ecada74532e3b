import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { isUuid } from '@/server/schemas/common';
import { readStoreProduct } from '@/server/services/storefront/read';
import { shopper } from '../../_lib/shopper';
import { ConfigureProduct } from './configure-product';

type Params = { params: Promise<{ productId: string }> };

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

export default async function ProductPage({ params }: Params) {
  const { product, currency } = await load(params);
  return (
    <>
      <Link href="/store" className="mb-4 inline-flex items-center gap-1 text-sm text-fg-muted hover:text-fg">
        <ArrowLeft className="size-4" aria-hidden />
        All products
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">{product.name}</h1>
      {product.description ? <p className="mt-1 max-w-2xl text-sm text-fg-muted">{product.description}</p> : null}
      <ConfigureProduct product={product} currency={currency} />
    </>
  );
}
