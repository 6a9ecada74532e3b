import type { Metadata } from 'next';
import { ResellerList } from '../../_components/console/reseller-list';
import type { SearchParams } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';

export const metadata: Metadata = { title: 'Resellers' };

export default async function ResellersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  return <ResellerList basePath="/admin" searchParams={await searchParams} />;
}
