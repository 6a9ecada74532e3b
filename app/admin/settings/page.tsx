import type { Metadata } from 'next';
import { api } from '@/server/api/server-caller';
import { publicOrigin } from '@/server/env';
import { PageHeader } from '../../_components/ui/card';
import { requireArea } from '../../_lib/guard';
import { ApiKeys } from './api-keys';
import { AutomationPanel } from './automation-panel';
import { BillingSettingsForm } from './billing-settings-form';
import { CommunicationForm } from './communication-form';
import { CommunicationRulesForm } from './communication-rules-form';
import { CompanyForm } from './company-form';
import { PaymentsForm } from './payments-form';
import { SecurityForm } from './security-form';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  await requireArea('admin');
  const trpc = await api();
  const [settings, next, keys, communication, rules, company, automation, payments, security] = await Promise.all([
    trpc.settings.billing(),
    trpc.settings.nextInvoiceSequence(),
    trpc.settings.apiKeys(),
    trpc.notify.communication(),
    trpc.notify.communicationRules(),
    trpc.settings.company(),
    trpc.automation.status(),
    trpc.settings.payments(),
    trpc.account.security(),
  ]);
  return (
    <>
      <PageHeader title="Settings" description="Billing rules, how customers are reached, and access for integrations." />
      <div className="space-y-6">
        <BillingSettingsForm settings={settings} nextSequence={next.toString()} year={new Date().getUTCFullYear()} />
        <CompanyForm company={company} />
        <PaymentsForm settings={payments} origin={publicOrigin()} />
        <CommunicationForm settings={communication} />
        <CommunicationRulesForm view={rules} />
        <AutomationPanel status={automation} />
        <SecurityForm settings={security} />
        <ApiKeys keys={keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null }))} />
      </div>
    </>
  );
}
