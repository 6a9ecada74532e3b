'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import type { FieldErrors } from '@/server/errors';
import { Button } from '../_components/ui/button';
import { Card } from '../_components/ui/card';
import { TextField } from '../_components/ui/field';
import { requestResetAction, resetPasswordAction } from './actions';

export function RequestResetForm() {
  const [sent, setSent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [pending, start] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    start(async () => {
      const result = await requestResetAction({ email });
      if (result.ok) return setSent(true);
      setErrors(result.fields ?? {});
      setMessage(result.fields ? undefined : result.message);
    });
  }

  if (sent) {
    return (
      <Card className="p-6 text-sm" role="status">
        If an account uses that e-mail, we have sent it a link to choose a new password. The link works once, within 30 minutes.
      </Card>
    );
  }
  return (
    <Card className="p-6">
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField name="email" label="E-mail" type="email" autoComplete="username" required autoFocus error={errors.email ?? message} />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? 'Sending…' : 'Send me a link'}
        </Button>
        <p className="text-center text-sm">
          <Link href="/sign-in" className="text-fg-muted hover:underline">
            Back to sign-in
          </Link>
        </p>
      </form>
    </Card>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [pending, start] = useTransition();
  const router = useRouter();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = String(form.get('new_password') ?? '');
    if (next !== String(form.get('confirm_password') ?? '')) return setErrors({ confirm_password: 'does not match the new password' });
    start(async () => {
      const result = await resetPasswordAction({ token, new_password: next });
      if (result.ok) return router.push('/sign-in?reset=done');
      setErrors(result.fields ?? {});
      setMessage(result.fields ? undefined : result.message);
    });
  }

  return (
    <Card className="p-6">
      <form onSubmit={submit} noValidate className="space-y-4">
        {message ? (
          <p role="alert" className="text-sm text-danger">
            {message} <Link href="/reset-password" className="underline">Ask for a new link</Link>
          </p>
        ) : null}
        <TextField name="new_password" label="New password" type="password" autoComplete="new-password" required autoFocus error={errors.new_password} />
        <TextField name="confirm_password" label="New password again" type="password" autoComplete="new-password" required error={errors.confirm_password} />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? 'Saving…' : 'Set new password'}
        </Button>
      </form>
    </Card>
  );
}
