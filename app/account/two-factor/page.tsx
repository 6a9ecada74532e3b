import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { api } from '@/server/api/server-caller';
import { Card, PageHeader } from '../../_components/ui/card';
import { EnrolTwoFactor } from './two-factor-forms';

export const metadata: Metadata = { title: 'Two-factor sign-in' };

export default async function TwoFactorPage() {
  const status = await (await api()).account.twoFactor();
  if (!status.available || status.enabled) redirect('/account');
  return (
    <>
      <PageHeader title="Two-factor sign-in" description="A code from an authenticator app on your phone, asked for after your password." />
      {status.required ? (
        <p role="status" className="mb-4 rounded-md border border-accent/40 bg-accent/10 px-4 py-3 text-sm">
          This console requires two-factor sign-in. Set it up to continue.
        </p>
      ) : null}
      <Card className="max-w-xl p-6">
        <EnrolTwoFactor />
      </Card>
    </>
  );
}
