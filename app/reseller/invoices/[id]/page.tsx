import type { Metadata } from 'next';
import { InvoiceView } from '../../../_components/console/invoice-view';
import { recordId, requireArea, requirePermissionPage } from '../../../_lib/guard';

export const metadata: Metadata = { title: 'Invoice' };

export default async function ResellerInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea('reseller');
  await requirePermissionPage('invoices.view');
  // Scoped by the services: an invoice outside the reseller's book is the not-found page.
  return <InvoiceView id={await recordId(params)} basePath="/reseller" />;
}
