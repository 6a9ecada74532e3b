import type { Metadata } from 'next';
import { ResellerList } from '../../_components/console/reseller-list';
import type { SearchParams } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';

export const metadata: Metadata = { title: 'Sub-resellers' };

export default async function SubResellersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('reseller');
  // The services list only the resellers below this one and refuse terms beyond its own.
  return <ResellerList basePath="/reseller" searchParams={await searchParams} />;
}
