import type { Metadata } from 'next';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { ChangePasswordForm } from '../_components/account/change-password-form';
import { buttonClass } from '../_components/ui/button';
import { Card, PageHeader } from '../_components/ui/card';
import { DisableTwoFactor } from './two-factor/two-factor-forms';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const twoFactor = await (await api()).account.twoFactor();
  return (
    <>
      <PageHeader title="Account" description="Your password and how you sign in." />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card className="p-6">
          <h2 className="mb-4 font-semibold">Password</h2>
          <ChangePasswordForm />
        </Card>
        {twoFactor.available ? (
          <Card className="p-6 text-sm">
            <h2 className="mb-2 font-semibold">Two-factor sign-in</h2>
            {twoFactor.enabled ? (
              <>
                <p className="mb-1">On: signing in asks for a code from your authenticator app.</p>
                <p className="mb-4 text-fg-muted">{twoFactor.recoveryCodesLeft} of 10 recovery codes left.</p>
                {twoFactor.required ? (
                  <p className="text-fg-muted">Required for this console (Settings → Security), so it cannot be turned off.</p>
                ) : (
                  <DisableTwoFactor />
                )}
              </>
            ) : (
              <>
                <p className="mb-4 text-fg-muted">Off. With it on, a stolen password alone no longer opens your account.</p>
                <Link href="/account/two-factor" className={buttonClass()}>
                  Set up two-factor sign-in
                </Link>
              </>
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}
