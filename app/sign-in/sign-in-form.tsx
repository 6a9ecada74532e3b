'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useState } from 'react';
import { z } from 'zod';
import { Button } from '../_components/ui/button';
import { Card } from '../_components/ui/card';
import { Form, FormText, useZodForm } from '../_components/ui/form';

const wrongCredentials = 'That e-mail and password do not match an account.';

// next-auth checks the credentials; the forms only carry them.
const credentialsForm = z.object({ email: z.string(), password: z.string() });
const codeForm = z.object({ code: z.string() });
type Credentials = z.infer<typeof credentialsForm>;

export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string | undefined }) {
  // A customer coming from the store goes back there after opening an account; otherwise the portal.
  const signUpHref = callbackUrl === '/' ? '/sign-up' : `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  const [pending, setPending] = useState(false);
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
    refuse(result?.error && result.error !== 'CredentialsSignin' ? result.error : wrongCredentials);
  }

  if (credentials) {
    return (
      // Its own key: without it React would reuse the password input's element, typed password and all.
      <Card key="code" className="p-6">
        <Form
          form={codeStep}
          onSubmit={(v) => attempt(credentials, v.code, (message) => codeStep.setError('code', { message }))}
          className="space-y-4"
          aria-label="Two-factor sign-in"
        >
          <p className="text-sm">Enter the 6-digit code from your authenticator app, or one of your recovery codes.</p>
          <FormText name="code" label="Authentication code" inputMode="numeric" autoComplete="one-time-code" required autoFocus />
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? 'Checking…' : 'Sign in'}
          </Button>
          <button
            type="button"
            className="w-full text-center text-sm text-fg-muted hover:underline"
            onClick={() => (setCredentials(undefined), codeStep.reset(), passwordStep.reset())}
          >
            Use another account
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
        <FormText name="email" label="E-mail" type="email" autoComplete="username" required autoFocus />
        <FormText name="password" label="Password" type="password" autoComplete="current-password" required />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
        <p className="text-center text-sm">
          <Link href="/reset-password" className="text-fg-muted hover:underline">
            Forgot your password?
          </Link>
        </p>
      </Form>
      <p className="mt-4 border-t border-border pt-4 text-center text-sm text-fg-muted">
        New here?{' '}
        <Link href={signUpHref} className="font-medium text-fg hover:underline">
          Create account
        </Link>
      </p>
    </Card>
  );
}
