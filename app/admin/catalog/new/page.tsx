import type { Metadata } from 'next';
import { PageHeader } from '../../../_components/ui/card';
import { requireArea, requirePermissionPage } from '../../../_lib/guard';
import { ProductForm } from '../product-form';

export const metadata: Metadata = { title: 'New product' };

export default async function NewProductPage() {
  await requireArea('admin');
  await requirePermissionPage('catalog.manage');
  return (
    <>
      <PageHeader title="New product" description="Prices per billing cycle and currency, a setup fee, and the options customers choose." />
      <ProductForm product={null} />
    </>
  );
}
