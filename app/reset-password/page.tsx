import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '../_components/language/language-switcher';
import { RequestResetForm, ResetPasswordForm } from './reset-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.reset'))('title'), referrer: 'no-referrer', robots: { index: false } };
}

// The link's token sits in the URL, so the page sends no Referer and stays out of search engines.
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const t = await getTranslations('auth.reset');
  return (
    <main id="content" tabIndex={-1} className="outline-none flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <h1 className="mb-6 text-center text-2xl font-semibold tracking-tight">{token ? t('chooseHeading') : t('requestHeading')}</h1>
        {typeof token === 'string' && token ? <ResetPasswordForm token={token} /> : <RequestResetForm />}
        <LanguageSwitcher className="mt-6 justify-center" />
      </div>
    </main>
  );
}
