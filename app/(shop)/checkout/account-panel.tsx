'use client';

import { signIn, signOut } from 'next-auth/react';
import { useState } from 'react';
import { z } from 'zod';
import { signUpInput, type SignUpInput } from '@/server/schemas/store';
import { Button } from '../../_components/ui/button';
import { cn } from '../../_components/ui/cn';
import { Form, FormError, FormText, setFieldErrors, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { signUpAction } from './actions';
import type { CheckoutAccount } from './checkout';

/**
 * Who is ordering: a signed-in client, or a visitor who opens an account or signs in right
 * here. Both end in a reload, so the page renders for the new session; the cart stays in
 * localStorage meanwhile.
 */
export function AccountPanel({ account }: { account: CheckoutAccount }) {
  const [mode, setMode] = useState<'sign-up' | 'sign-in'>('sign-up');

  if (account.kind === 'client') {
    return (
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p data-testid="checkout-signed-in">
          Signed in as <span className="font-medium">{account.name}</span> <span className="text-fg-muted">({account.email})</span>
        </p>
        <Button variant="ghost" onClick={() => signOut({ callbackUrl: '/checkout' })}>
          Not you? Sign out
        </Button>
      </div>
    );
  }
  if (account.kind === 'other') {
    return (
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p role="status">
          You are signed in as {account.email}, which is not a customer account. The store takes orders from customer accounts: sign out to order as one.
        </p>
        <Button variant="secondary" onClick={() => signOut({ callbackUrl: '/checkout' })}>
          Sign out
        </Button>
      </div>
    );
  }
  return (
    <div>
      <div role="tablist" aria-label="Account" className="mb-4 inline-flex rounded-md border border-border bg-muted p-0.5 text-sm">
        {(
          [
            ['sign-up', 'Create an account'],
            ['sign-in', 'I have an account'],
          ] as const
        ).map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={mode === value}
            onClick={() => setMode(value)}
            className={cn('rounded px-3 py-1.5 font-medium transition', mode === value ? 'bg-surface text-fg shadow-sm' : 'text-fg-muted hover:text-fg')}
          >
            {label}
          </button>
        ))}
      </div>
      {mode === 'sign-up' ? <SignUpForm /> : <SignInForm />}
    </div>
  );
}

async function signInAndReload(email: string, password: string): Promise<boolean> {
  const result = await signIn('credentials', { email, password, redirect: false });
  if (!result?.ok || result.error) return false;
  // A full reload, so the header, currency and checkout render for the new session.
  window.location.reload();
  return true;
}

function SignUpForm() {
  const [pending, setPending] = useState(false);
  // The server's schema answers first, without a round trip.
  const form = useZodForm(signUpInput, { name: '', email: '', company: '', password: '' });
  const setErrors = setFieldErrors(form);

  async function onSubmit(values: SignUpInput) {
    setPending(true);
    try {
      const result = await signUpAction(values);
      if ('ok' in result) {
        if (await signInAndReload(values.email, values.password)) return;
        setErrors({ _: 'Your account is ready, but signing in failed. Use “I have an account”.' });
      } else {
        showFieldErrors(setErrors)({ message: result.message, data: { fields: result.fields } });
      }
    } catch {
      setErrors({ _: 'Could not reach the server. Check your connection and try again.' });
    }
    setPending(false);
  }

  return (
    <Form form={form} onSubmit={onSubmit} className="space-y-4" aria-label="Create an account">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormText id="signup-name" name="name" label="Your name" autoComplete="name" />
        <FormText id="signup-email" name="email" label="E-mail" type="email" autoComplete="email" />
        <FormText id="signup-company" name="company" label="Company (optional)" autoComplete="organization" />
        <FormText id="signup-password" name="password" label="Password" type="password" autoComplete="new-password" />
      </div>
      <FormError />
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </Button>
    </Form>
  );
}

// Next-auth checks the credentials; the form only carries them.
const signInForm = z.object({ email: z.string().trim(), password: z.string() });

function SignInForm() {
  const [pending, setPending] = useState(false);
  const form = useZodForm(signInForm, { email: '', password: '' });

  async function onSubmit(values: z.output<typeof signInForm>) {
    setPending(true);
    if (await signInAndReload(values.email, values.password)) return;
    setPending(false);
    form.setError('password', { message: 'That e-mail and password do not match an account.' });
  }

  return (
    <Form form={form} onSubmit={onSubmit} className="space-y-4" aria-label="Sign in">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormText id="signin-email" name="email" label="E-mail" type="email" autoComplete="username" />
        <FormText id="signin-password" name="password" label="Password" type="password" autoComplete="current-password" />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </Form>
  );
}
