import type { Metadata } from 'next';
import { PageHeader } from '../_components/ui/card';
import { requirePermissionPage } from '../_lib/guard';
import { CollectDesk } from './collect-desk';

export const metadata: Metadata = { title: 'Collect' };

export default async function CollectPage() {
  await requirePermissionPage('payments.collect');
  return (
    <>
      <PageHeader title="Collect cash" description="Find the customer, choose an invoice, and record the cash with your receipt book’s number." />
      <CollectDesk />
    </>
  );
}
