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
  const sections = [
    { id: 'billing', label: 'Billing', body: <BillingSettingsForm settings={settings} nextSequence={next.toString()} year={new Date().getUTCFullYear()} /> },
    { id: 'company', label: 'Company', body: <CompanyForm company={company} /> },
    { id: 'payments', label: 'Payments', body: <PaymentsForm settings={payments} origin={publicOrigin()} /> },
    {
      id: 'communication',
      label: 'Communication',
      body: (
        <div className="space-y-6">
          <CommunicationForm settings={communication} />
          <CommunicationRulesForm view={rules} />
        </div>
      ),
    },
    { id: 'automation', label: 'Automation', body: <AutomationPanel status={automation} /> },
    { id: 'security', label: 'Security', body: <SecurityForm settings={security} /> },
    {
      id: 'api-keys',
      label: 'API keys',
      body: <ApiKeys keys={keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null }))} />,
    },
  ];
  // One page of sections with a menu, so a search of the page (Ctrl+F) still finds any setting;
  // the menu stays beside them on wide screens and wraps above them on a phone.
  return (
    <>
      <PageHeader title="Settings" description="Billing rules, how customers are reached, and access for integrations." />
      <div className="grid gap-6 lg:grid-cols-[11rem_minmax(0,1fr)]">
        <nav aria-label="Settings sections" className="lg:sticky lg:top-6 lg:self-start">
          <ul className="flex flex-wrap gap-1 lg:flex-col">
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`} className="block rounded-md px-3 py-1.5 text-sm text-fg-muted hover:bg-muted hover:text-fg">
                  {section.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="min-w-0 space-y-6">
          {sections.map((section) => (
            <section key={section.id} id={section.id} className="scroll-mt-6">
              {section.body}
            </section>
          ))}
        </div>
      </div>
    </>
  );
}
