import type { Metadata } from 'next';
import { ServiceList } from '../../_components/console/service-list';
import type { SearchParams } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';

export const metadata: Metadata = { title: 'Services' };

export default async function ResellerServicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('reseller');
  // The service scopes the list to the reseller's book.
  return <ServiceList basePath="/reseller" searchParams={await searchParams} />;
}
