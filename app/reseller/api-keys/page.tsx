import type { Metadata } from 'next';
import { ResellerKeys } from '../../_components/console/reseller-keys';
import { PageHeader } from '../../_components/ui/card';
import { requireArea } from '../../_lib/guard';

export const metadata: Metadata = { title: 'API keys' };

export default async function ResellerApiKeysPage() {
  const user = await requireArea('reseller');
  return (
    <>
      <PageHeader title="API keys" description="Keys for your own programs: each acts as you, on your book and with your permissions, until revoked." />
      <ResellerKeys resellerId={user.id} />
    </>
  );
}
