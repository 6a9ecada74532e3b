import type { Metadata } from 'next';
import { RequestResetForm, ResetPasswordForm } from './reset-forms';

export const metadata: Metadata = { title: 'Reset password', referrer: 'no-referrer', robots: { index: false } };

// The link's token sits in the URL, so the page sends no Referer and stays out of search engines.
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  return (
    <main id="content" tabIndex={-1} className="outline-none flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <h1 className="mb-6 text-center text-2xl font-semibold tracking-tight">{token ? 'Choose a new password' : 'Reset your password'}</h1>
        {typeof token === 'string' && token ? <ResetPasswordForm token={token} /> : <RequestResetForm />}
      </div>
    </main>
  );
}
