'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { z } from 'zod';
import { signInWith, SignUpForm, type StoreCurrencies } from '../../_components/account/sign-up-form';
import { Button } from '../../_components/ui/button';
import { cn } from '../../_components/ui/cn';
import { Form, FormText, useZodForm } from '../../_components/ui/form';
import type { CheckoutAccount } from './checkout';

// A full reload, so the header, currency and checkout render for the new session.
const reload = () => window.location.reload();

/**
 * Who is ordering: a signed-in client, or a visitor who opens an account or signs in right
 * here. Both end in a reload, so the page renders for the new session; the cart stays in
 * localStorage meanwhile.
 */
export function AccountPanel({ account, currencies }: { account: CheckoutAccount; currencies: StoreCurrencies }) {
  const [mode, setMode] = useState<'sign-up' | 'sign-in'>('sign-up');
  const t = useTranslations('shop.account');

  if (account.kind === 'client') {
    return (
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p data-testid="checkout-signed-in">
          {t.rich('signedInAs', {
            name: account.name,
            email: account.email,
            strong: (words) => <span className="font-medium">{words}</span>,
            muted: (words) => <span className="text-fg-muted">{words}</span>,
          })}
        </p>
        <Button variant="ghost" onClick={() => signOut({ callbackUrl: '/checkout' })}>
          {t('notYou')}
        </Button>
      </div>
    );
  }
  if (account.kind === 'other') {
    return (
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p role="status">{t('notCustomer', { email: account.email })}</p>
        <Button variant="secondary" onClick={() => signOut({ callbackUrl: '/checkout' })}>
          {t('signOut')}
        </Button>
      </div>
    );
  }
  return (
    <div>
      <div role="tablist" aria-label={t('tabs')} className="mb-4 inline-flex rounded-md border border-border bg-muted p-0.5 text-sm">
        {(
          [
            ['sign-up', t('signUp')],
            ['sign-in', t('signIn')],
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
      {mode === 'sign-up' ? <SignUpForm currencies={currencies} then={reload} /> : <SignInForm />}
    </div>
  );
}

// Next-auth checks the credentials; the form only carries them.
const signInForm = z.object({ email: z.string().trim(), password: z.string() });

function SignInForm() {
  const [pending, setPending] = useState(false);
  const t = useTranslations('auth.signIn');
  const form = useZodForm(signInForm, { email: '', password: '' });

  async function onSubmit(values: z.output<typeof signInForm>) {
    setPending(true);
    if (await signInWith(values.email, values.password)) return reload();
    setPending(false);
    form.setError('password', { message: t('wrongCredentials') });
  }

  return (
    <Form form={form} onSubmit={onSubmit} className="space-y-4" aria-label={t('title')}>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormText id="signin-email" name="email" label={t('email')} type="email" autoComplete="username" />
        <FormText id="signin-password" name="password" label={t('password')} type="password" autoComplete="current-password" />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('signingIn') : t('submit')}
        </Button>
        <Link href="/reset-password" className="text-sm text-fg-muted hover:underline">
          {t('forgot')}
        </Link>
      </div>
    </Form>
  );
}
