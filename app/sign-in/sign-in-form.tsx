'use client';

import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { type FormEvent, useState } from 'react';
import { Button } from '../_components/ui/button';
import { Card } from '../_components/ui/card';
import { Field, Input } from '../_components/ui/field';

const wrongCredentials = 'That e-mail and password do not match an account.';

export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string | undefined }) {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  // After a right password on an account with two-factor sign-in, the same form asks for the code.
  const [credentials, setCredentials] = useState<{ email: string; password: string }>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const tried = credentials ?? { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') };
    setPending(true);
    setError(undefined);
    const result = await signIn('credentials', { ...tried, code: String(form.get('code') ?? ''), redirect: false });
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
    setError(result?.error && result.error !== 'CredentialsSignin' ? result.error : wrongCredentials);
  }

  if (credentials) {
    return (
      // Its own key: without it React would reuse the password input's element, typed password and all.
      <Card key="code" className="p-6">
        <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Two-factor sign-in">
          <p className="text-sm">Enter the 6-digit code from your authenticator app, or one of your recovery codes.</p>
          <Field label="Authentication code" name="code" error={error}>
            <Input
              id="code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              autoFocus
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'code-error' : undefined}
            />
          </Field>
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? 'Checking…' : 'Sign in'}
          </Button>
          <button type="button" className="w-full text-center text-sm text-fg-muted hover:underline" onClick={() => (setCredentials(undefined), setError(undefined))}>
            Use another account
          </button>
        </form>
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
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field label="E-mail" name="email">
          <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
        </Field>
        <Field label="Password" name="password" error={error}>
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'password-error' : undefined}
          />
        </Field>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
        <p className="text-center text-sm">
          <Link href="/reset-password" className="text-fg-muted hover:underline">
            Forgot your password?
          </Link>
        </p>
      </form>
    </Card>
  );
}
