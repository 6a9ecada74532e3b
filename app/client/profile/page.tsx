import type { Metadata } from 'next';
import { api } from '@/server/api/server-caller';
import { ChangePasswordForm } from '../../_components/account/change-password-form';
import { Card, PageHeader } from '../../_components/ui/card';
import { addressFields } from '../../_lib/address-form';
import { requireArea } from '../../_lib/guard';
import { ProfileForm } from './profile-form';

export const metadata: Metadata = { title: 'Profile' };

export default async function ClientProfile() {
  await requireArea('client');
  const account = await (await api()).customers.mine();
  return (
    <>
      <PageHeader title="Profile" description="Your details and billing address, as your invoices show them." />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <Card className="p-6">
          <ProfileForm
            profile={{
              name: account.name,
              company: account.company ?? '',
              phone: account.phone ?? '',
              tax_id: account.taxId ?? '',
              ...addressFields(account.billingAddress),
            }}
          />
        </Card>
        <Card className="p-5 text-sm">
          <h2 className="mb-2 font-semibold">Kept by us</h2>
          <dl className="space-y-2">
            <div>
              <dt className="text-fg-muted">Billing e-mail</dt>
              <dd className="font-medium break-all">{account.email}</dd>
            </div>
            <div>
              <dt className="text-fg-muted">Currency</dt>
              <dd className="font-medium">{account.currency}</dd>
            </div>
          </dl>
          <p className="mt-3 text-fg-muted">To change these, contact us: invoices already issued keep their currency.</p>
        </Card>
        <Card className="p-6">
          <h2 className="mb-4 font-semibold">Password</h2>
          <ChangePasswordForm />
        </Card>
      </div>
    </>
  );
}
