import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/next-auth';
import { SignOutButton } from '../_components/console/sign-out-button';
import { Card } from '../_components/ui/card';

export const metadata: Metadata = { title: 'Sign out' };

export default async function SignOutPage() {
  const user = await currentUser();
  if (!user) redirect('/sign-in');
  return (
    <main id="content" tabIndex={-1} className="outline-none flex min-h-screen items-center justify-center p-6">
      <Card className="w-full max-w-sm p-6 text-center">
        <h1 className="text-xl font-semibold">Sign out of Cashdesk?</h1>
        <p className="mt-2 text-sm text-fg-muted">You are signed in as {user.email}.</p>
        <SignOutButton className="mt-6 w-full" variant="primary" />
      </Card>
    </main>
  );
}
