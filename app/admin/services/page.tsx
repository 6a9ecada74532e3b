import type { Metadata } from 'next';
import { ServiceList } from '../../_components/console/service-list';
import type { SearchParams } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';

export const metadata: Metadata = { title: 'Services' };

export default async function ServicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  return <ServiceList basePath="/admin" searchParams={await searchParams} />;
}
