'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { z } from 'zod';
import { Button } from '../_components/ui/button';
import { Card } from '../_components/ui/card';
import { Form, FormText, useZodForm } from '../_components/ui/form';

// next-auth checks the credentials; the forms only carry them.
const credentialsForm = z.object({ email: z.string(), password: z.string() });
const codeForm = z.object({ code: z.string() });
type Credentials = z.infer<typeof credentialsForm>;

export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string | undefined }) {
  // A customer coming from the store goes back there after opening an account; otherwise the portal.
  const signUpHref = callbackUrl === '/' ? '/sign-up' : `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  const [pending, setPending] = useState(false);
  const t = useTranslations('auth.signIn');
  // After a right password on an account with two-factor sign-in, the same form asks for the code.
  const [credentials, setCredentials] = useState<Credentials>();
  const passwordStep = useZodForm(credentialsForm, { email: '', password: '' });
  const codeStep = useZodForm(codeForm, { code: '' });

  /** Signs in, asks for the code, or hands `refuse` the reason to show. */
  async function attempt(tried: Credentials, code: string, refuse: (message: string) => void) {
    setPending(true);
    const result = await signIn('credentials', { ...tried, code, redirect: false });
    if (result?.ok && !result.error) {
      // A full navigation, so every server layout renders with the new session cookie.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    if (result?.error === 'TwoFactorRequired') {
      setCredentials(tried);
      return;
    }
    // next-auth calls a refusal without words "CredentialsSignin"; anything else is our own words.
    refuse(result?.error && result.error !== 'CredentialsSignin' ? result.error : t('wrongCredentials'));
  }

  if (credentials) {
    return (
      // Its own key: without it React would reuse the password input's element, typed password and all.
      <Card key="code" className="p-6">
        <Form
          form={codeStep}
          onSubmit={(v) => attempt(credentials, v.code, (message) => codeStep.setError('code', { message }))}
          className="space-y-4"
          aria-label={t('twoFactor')}
        >
          <p className="text-sm">{t('codePrompt')}</p>
          <FormText name="code" label={t('code')} inputMode="numeric" autoComplete="one-time-code" required autoFocus />
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? t('checking') : t('submit')}
          </Button>
          <button
            type="button"
            className="w-full text-center text-sm text-fg-muted hover:underline"
            onClick={() => (setCredentials(undefined), codeStep.reset(), passwordStep.reset())}
          >
            {t('otherAccount')}
          </button>
        </Form>
      </Card>
    );
  }

  return (
    <Card className="p-6">
      {notice ? (
        <p role="status" className="mb-4 rounded-md bg-muted px-3 py-2 text-sm">
          {notice}
        </p>
      ) : null}
      <Form form={passwordStep} onSubmit={(v) => attempt(v, '', (message) => passwordStep.setError('password', { message }))} className="space-y-4">
        <FormText name="email" label={t('email')} type="email" autoComplete="username" required autoFocus />
        <FormText name="password" label={t('password')} type="password" autoComplete="current-password" required />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t('signingIn') : t('submit')}
        </Button>
        <p className="text-center text-sm">
          <Link href="/reset-password" className="text-fg-muted hover:underline">
            {t('forgot')}
          </Link>
        </p>
      </Form>
      <p className="mt-4 border-t border-border pt-4 text-center text-sm text-fg-muted">
        {t('newHere')}{' '}
        <Link href={signUpHref} className="font-medium text-fg hover:underline">
          {t('createAccount')}
        </Link>
      </p>
    </Card>
  );
}
