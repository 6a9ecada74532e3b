import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { api } from '@/server/api/server-caller';
import { ChangePasswordForm } from '../../_components/account/change-password-form';
import { Card, PageHeader } from '../../_components/ui/card';
import { addressFields } from '../../_lib/address-form';
import { requireArea } from '../../_lib/guard';
import { ProfileForm } from './profile-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('portal.profile'))('title') };
}

export default async function ClientProfile() {
  await requireArea('client');
  const trpc = await api();
  const [account, language, t] = await Promise.all([trpc.customers.mine(), trpc.settings.locale(), getTranslations('portal.profile')]);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <Card className="p-6">
          <ProfileForm
            profile={{
              name: account.name,
              company: account.company ?? '',
              phone: account.phone ?? '',
              tax_id: account.taxId ?? '',
              ...addressFields(account.billingAddress),
              locale: language.own ?? '',
            }}
            deskLocale={language.fallback}
          />
        </Card>
        <Card className="p-5 text-sm">
          <h2 className="mb-2 font-semibold">{t('keptByUs')}</h2>
          <dl className="space-y-2">
            <div>
              <dt className="text-fg-muted">{t('email')}</dt>
              <dd className="font-medium break-all">{account.email}</dd>
            </div>
            <div>
              <dt className="text-fg-muted">{t('currency')}</dt>
              <dd className="font-medium">{account.currency}</dd>
            </div>
          </dl>
          <p className="mt-3 text-fg-muted">{t('keptNote')}</p>
        </Card>
        <Card className="p-6">
          <h2 className="mb-4 font-semibold">{t('password')}</h2>
          <ChangePasswordForm />
        </Card>
      </div>
    </>
  );
}
