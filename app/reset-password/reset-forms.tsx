'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { passwordMin, requestPasswordResetInput, resetPasswordInput } from '@/server/schemas/account';
import { Button } from '../_components/ui/button';
import { Card } from '../_components/ui/card';
import { Form, FormText, setFieldErrors, useZodForm } from '../_components/ui/form';
import { withConfirmation } from '../_lib/form-schemas';
import { requestResetAction, resetPasswordAction } from './actions';

export function RequestResetForm() {
  const [sent, setSent] = useState(false);
  const [pending, start] = useTransition();
  const t = useTranslations('auth');
  const form = useZodForm(requestPasswordResetInput, { email: '' });

  if (sent) {
    return (
      <Card className="p-6 text-sm" role="status">
        {t('reset.sent')}
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
        <FormText name="email" label={t('reset.email')} type="email" autoComplete="username" required autoFocus />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t('reset.sending') : t('reset.send')}
        </Button>
        <p className="text-center text-sm">
          <Link href="/sign-in" className="text-fg-muted hover:underline">
            {t('reset.back')}
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
  const t = useTranslations('auth');
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
              {t('reset.newLink')}
            </Link>
          </p>
        ) : null}
        <FormText
          name="new_password"
          label={t('reset.newPassword')}
          type="password"
          autoComplete="new-password"
          required
          autoFocus
          hint={t('form.passwordRules', { min: passwordMin })}
        />
        <FormText name="confirm_password" label={t('reset.again')} type="password" autoComplete="new-password" required />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t('reset.saving') : t('reset.submit')}
        </Button>
      </Form>
    </Card>
  );
}
