'use client';

import { useMutation } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { changePasswordInput } from '@/server/schemas/account';
import { showFieldErrors } from '../../_lib/form-errors';
import { withConfirmation } from '../../_lib/form-schemas';
import { useTRPC } from '../../_lib/trpc';
import { Button } from '../ui/button';
import { Form, FormText, setFieldErrors, useZodForm } from '../ui/form';

const passwordForm = withConfirmation(changePasswordInput);

/** Any role's own password: the current one, then the new one twice, in the page's language. */
export function ChangePasswordForm() {
  const t = useTranslations('common.password');
  const trpc = useTRPC();
  const form = useZodForm(passwordForm, { current_password: '', new_password: '', confirm_password: '' });
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      // Every session of the account ended with the change, this one too: sign in with the new password.
      onSuccess: () => void signOut({ callbackUrl: '/sign-in?reset=done' }),
    }),
  );

  return (
    <Form
      form={form}
      onSubmit={(v) => change.mutate({ current_password: v.current_password, new_password: v.new_password })}
      className="space-y-4"
      aria-label={t('submit')}
    >
      <FormText name="current_password" label={t('current')} type="password" autoComplete="current-password" />
      <FormText name="new_password" label={t('new')} type="password" autoComplete="new-password" />
      <FormText name="confirm_password" label={t('again')} type="password" autoComplete="new-password" />
      <Button type="submit" disabled={change.isPending}>
        {change.isPending ? t('submitting') : t('submit')}
      </Button>
    </Form>
  );
}
