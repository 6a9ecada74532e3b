import type { Metadata } from 'next';
import { PaymentList } from '../../_components/console/payment-list';
import type { SearchParams } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';

export const metadata: Metadata = { title: 'Payments' };

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  return <PaymentList basePath="/admin" searchParams={await searchParams} />;
}
