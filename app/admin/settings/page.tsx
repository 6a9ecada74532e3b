import type { Metadata } from 'next';
import { api } from '@/server/api/server-caller';
import { PageHeader } from '../../_components/ui/card';
import { requireArea } from '../../_lib/guard';
import { ApiKeys } from './api-keys';
import { BillingSettingsForm } from './billing-settings-form';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  await requireArea('admin');
  const trpc = await api();
  const [settings, next, keys] = await Promise.all([trpc.settings.billing(), trpc.settings.nextInvoiceSequence(), trpc.settings.apiKeys()]);
  return (
    <>
      <PageHeader title="Settings" description="Billing rules and access for integrations." />
      <div className="space-y-6">
        <BillingSettingsForm settings={settings} nextSequence={next.toString()} year={new Date().getUTCFullYear()} />
        <ApiKeys keys={keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null }))} />
      </div>
    </>
  );
}
