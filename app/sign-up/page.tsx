import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/next-auth';
import { homeOf } from '@/server/auth/permissions';
import { safeRedirectPath } from '@/server/auth/redirect';
import { visitorContext } from '@/server/context';
import { storeCurrencies } from '@/server/services/storefront/read';
import { LanguageSwitcher } from '../_components/language/language-switcher';
import { Card } from '../_components/ui/card';
import { SignUpPanel } from './sign-up-panel';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.signUp'))('title') };
}

/**
 * "Create account" from the sign-in page: WHMCS's register page, a customer account without
 * ordering first. It lands in the portal, or back where the visitor came from (`callbackUrl`).
 */
export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await currentUser();
  if (user) redirect(homeOf[user.role]);
  const callbackUrl = safeRedirectPath((await searchParams).callbackUrl);
  const ctx = await visitorContext(await headers());
  const currencies = await storeCurrencies(ctx.db);
  const t = await getTranslations('auth.signUp');
  return (
    <main className="flex min-h-screen items-center justify-center p-4 sm:p-6">
      <div className="w-full max-w-2xl">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-3 flex size-10 items-center justify-center rounded-lg bg-accent text-lg font-bold text-accent-fg">C</div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('heading')}</h1>
          <p className="mt-1 text-sm text-fg-muted">{t('tagline')}</p>
        </div>
        <Card className="p-6">
          <SignUpPanel currencies={currencies} next={callbackUrl ?? '/client'} />
        </Card>
        <p className="mt-4 text-center text-sm text-fg-muted">
          {t('haveAccount')}{' '}
          <Link
            href={callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/sign-in'}
            className="font-medium text-fg underline underline-offset-2"
          >
            {t('signIn')}
          </Link>
        </p>
        <LanguageSwitcher className="mt-6 justify-center" />
      </div>
    </main>
  );
}
