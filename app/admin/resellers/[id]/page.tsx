import type { Metadata } from 'next';
import { ResellerView } from '../../../_components/console/reseller-view';
import type { SearchParams } from '../../../_lib/format';
import { recordId, requireArea } from '../../../_lib/guard';

export const metadata: Metadata = { title: 'Reseller' };

export default async function ResellerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  return <ResellerView id={await recordId(params)} basePath="/admin" searchParams={await searchParams} />;
}
