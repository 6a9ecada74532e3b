import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { api } from '@/server/api/server-caller';
import { PageHeader } from '../../../_components/ui/card';
import { recordId, requireArea, requirePermissionPage } from '../../../_lib/guard';
import { ProductForm } from '../product-form';

export const metadata: Metadata = { title: 'Product' };

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea('admin');
  await requirePermissionPage('catalog.manage');
  const id = await recordId(params);
  const trpc = await api();
  const product = await trpc.catalog.product({ id }).catch(() => notFound());
  return (
    <>
      <PageHeader title={product.name} description="Price changes apply to new orders and plan changes; placed orders keep what they were sold at." />
      <ProductForm product={product} />
    </>
  );
}
