import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/next-auth';
import { homeOf } from '@/server/auth/permissions';
import { safeRedirectPath } from '@/server/auth/redirect';
import { LanguageSwitcher } from '../_components/language/language-switcher';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.signIn'))('title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await currentUser();
  if (user) redirect(homeOf[user.role]);
  // Only paths on this site: an open redirect would let a phishing link bounce through us.
  const query = await searchParams;
  const t = await getTranslations('auth.signIn');
  const callbackUrl = safeRedirectPath(query.callbackUrl);
  const notice = query.reset === 'done' ? t('resetDone') : undefined;
  return (
    <main id="content" tabIndex={-1} className="outline-none flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-3 flex size-10 items-center justify-center rounded-lg bg-accent text-lg font-bold text-accent-fg">C</div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('heading')}</h1>
          <p className="mt-1 text-sm text-fg-muted">{t('tagline')}</p>
        </div>
        <SignInForm callbackUrl={callbackUrl ?? '/'} notice={notice} />
        <LanguageSwitcher className="mt-6 justify-center" />
      </div>
    </main>
  );
}
