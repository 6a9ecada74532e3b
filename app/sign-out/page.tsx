import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/next-auth';
import { SignOutButton } from '../_components/console/sign-out-button';
import { Card } from '../_components/ui/card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.signOut'))('title') };
}

export default async function SignOutPage() {
  const user = await currentUser();
  if (!user) redirect('/sign-in');
  const t = await getTranslations('auth.signOut');
  return (
    <main id="content" tabIndex={-1} className="outline-none flex min-h-screen items-center justify-center p-6">
      <Card className="w-full max-w-sm p-6 text-center">
        <h1 className="text-xl font-semibold">{t('heading')}</h1>
        <p className="mt-2 text-sm text-fg-muted">{t('signedInAs', { email: user.email })}</p>
        <SignOutButton className="mt-6 w-full" variant="primary" />
      </Card>
    </main>
  );
}
