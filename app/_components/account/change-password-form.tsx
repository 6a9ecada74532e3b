'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import type { FieldErrors } from '@/server/errors';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';
import { Button } from '../ui/button';
import { TextField } from '../ui/field';

/** Any role's own password: the current one, then the new one twice. */
export function ChangePasswordForm() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const trpc = useTRPC();
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onError: showFieldErrors(setErrors),
      onSuccess: () => {
        setErrors({});
        toast.success('Password changed');
      },
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const next = String(data.get('new_password') ?? '');
    if (next !== String(data.get('confirm_password') ?? '')) {
      setErrors({ confirm_password: 'does not match the new password' });
      return;
    }
    change.mutate({ current_password: String(data.get('current_password') ?? ''), new_password: next }, { onSuccess: () => form.reset() });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Change password">
      <TextField name="current_password" label="Current password" type="password" autoComplete="current-password" error={errors.current_password} />
      <TextField name="new_password" label="New password" type="password" autoComplete="new-password" error={errors.new_password} />
      <TextField name="confirm_password" label="New password again" type="password" autoComplete="new-password" error={errors.confirm_password} />
      <Button type="submit" disabled={change.isPending}>
        {change.isPending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
