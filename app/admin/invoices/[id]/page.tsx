import type { Metadata } from 'next';
import { InvoiceView } from '../../../_components/console/invoice-view';
import { recordId, requireArea } from '../../../_lib/guard';

export const metadata: Metadata = { title: 'Invoice' };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea('admin');
  return <InvoiceView id={await recordId(params)} basePath="/admin" />;
}
