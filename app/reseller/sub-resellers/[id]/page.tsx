import type { Metadata } from 'next';
import { ResellerView } from '../../../_components/console/reseller-view';
import type { SearchParams } from '../../../_lib/format';
import { recordId, requireArea } from '../../../_lib/guard';

export const metadata: Metadata = { title: 'Sub-reseller' };

export default async function SubResellerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  await requireArea('reseller');
  // Scoped by the services: a reseller outside this one's tree (itself included) is the not-found page.
  return <ResellerView id={await recordId(params)} basePath="/reseller" searchParams={await searchParams} />;
}
