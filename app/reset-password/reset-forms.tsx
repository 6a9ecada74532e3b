'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { passwordRules, requestPasswordResetInput, resetPasswordInput } from '@/server/schemas/account';
import { Button } from '../_components/ui/button';
import { Card } from '../_components/ui/card';
import { Form, FormText, setFieldErrors, useZodForm } from '../_components/ui/form';
import { withConfirmation } from '../_lib/form-schemas';
import { requestResetAction, resetPasswordAction } from './actions';

export function RequestResetForm() {
  const [sent, setSent] = useState(false);
  const [pending, start] = useTransition();
  const form = useZodForm(requestPasswordResetInput, { email: '' });

  if (sent) {
    return (
      <Card className="p-6 text-sm" role="status">
        If an account uses that e-mail, we have sent it a link to choose a new password. The link works once, within 30 minutes.
      </Card>
    );
  }
  return (
    <Card className="p-6">
      <Form
        form={form}
        className="space-y-4"
        onSubmit={(v) =>
          start(async () => {
            const result = await requestResetAction(v);
            if (result.ok) return setSent(true);
            // Without fields the message (a throttle, say) still belongs under the only field.
            setFieldErrors(form)(result.fields ?? { email: result.message });
          })
        }
      >
        <FormText name="email" label="E-mail" type="email" autoComplete="username" required autoFocus />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? 'Sending…' : 'Send me a link'}
        </Button>
        <p className="text-center text-sm">
          <Link href="/sign-in" className="text-fg-muted hover:underline">
            Back to sign-in
          </Link>
        </p>
      </Form>
    </Card>
  );
}

const resetForm = withConfirmation(resetPasswordInput.omit({ token: true }));

export function ResetPasswordForm({ token }: { token: string }) {
  const [message, setMessage] = useState<string>();
  const [pending, start] = useTransition();
  const router = useRouter();
  const form = useZodForm(resetForm, { new_password: '', confirm_password: '' });

  return (
    <Card className="p-6">
      <Form
        form={form}
        className="space-y-4"
        onSubmit={(v) =>
          start(async () => {
            const result = await resetPasswordAction({ token, new_password: v.new_password });
            if (result.ok) return router.push('/sign-in?reset=done');
            if (result.fields) setFieldErrors(form)(result.fields);
            setMessage(result.fields ? undefined : result.message);
          })
        }
      >
        {message ? (
          <p role="alert" className="text-sm text-danger">
            {message}{' '}
            <Link href="/reset-password" className="underline">
              Ask for a new link
            </Link>
          </p>
        ) : null}
        <FormText name="new_password" label="New password" type="password" autoComplete="new-password" required autoFocus hint={passwordRules} />
        <FormText name="confirm_password" label="New password again" type="password" autoComplete="new-password" required />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? 'Saving…' : 'Set new password'}
        </Button>
      </Form>
    </Card>
  );
}
