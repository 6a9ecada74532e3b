import type { Metadata } from 'next';
import { ChangeNameForm } from '../../_components/account/change-name-form';
import { ChangePasswordForm } from '../../_components/account/change-password-form';
import { Card, PageHeader } from '../../_components/ui/card';
import { requireArea } from '../../_lib/guard';

export const metadata: Metadata = { title: 'Profile' };

export default async function ResellerProfilePage() {
  const user = await requireArea('reseller');
  return (
    <>
      <PageHeader title="Profile" description="Your name and password." />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card className="p-6">
          <h2 className="mb-4 font-semibold">Name</h2>
          <ChangeNameForm name={user.name} />
          <p className="mt-4 text-sm text-fg-muted">Your sign-in e-mail is {user.email}; ask the administrator to change it.</p>
        </Card>
        <Card className="p-6">
          <h2 className="mb-4 font-semibold">Password</h2>
          <ChangePasswordForm />
        </Card>
      </div>
    </>
  );
}
