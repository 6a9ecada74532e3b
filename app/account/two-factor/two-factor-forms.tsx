'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { z } from 'zod';
import { twoFactorCode } from '@/server/schemas/account';
import { Button } from '../../_components/ui/button';
import { Form, FormText, setFieldErrors, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';
import { toastError } from '../../_lib/use-finish';

const codeForm = z.object({ code: twoFactorCode });
const passwordForm = z.object({ password: z.string().min(1, 'is required') });

/** Scan (or type) the secret, prove it with a code, then keep the recovery codes. */
export function EnrolTwoFactor() {
  const router = useRouter();
  const trpc = useTRPC();
  const form = useZodForm(codeForm, { code: '' });
  const start = useMutation(trpc.account.startTwoFactor.mutationOptions({ onError: toastError }));
  const confirm = useMutation(trpc.account.confirmTwoFactor.mutationOptions({ onError: showFieldErrors(setFieldErrors(form)) }));

  if (confirm.data) {
    return (
      <div className="space-y-4 text-sm">
        <p className="font-medium">Two-factor sign-in is on.</p>
        <p>Keep these recovery codes somewhere safe, apart from your phone. Each signs you in once if you lose the app. They are shown only now.</p>
        <ul className="grid grid-cols-2 gap-2 font-mono" aria-label="Recovery codes">
          {confirm.data.recoveryCodes.map((code) => (
            <li key={code} className="rounded bg-muted px-2 py-1">
              {code}
            </li>
          ))}
        </ul>
        <Button onClick={() => router.push('/')}>Done</Button>
      </div>
    );
  }

  if (!start.data) {
    return (
      <div className="space-y-4 text-sm">
        <p>You need an authenticator app (for example Google Authenticator, Microsoft Authenticator, 1Password or Aegis).</p>
        <Button onClick={() => start.mutate()} disabled={start.isPending}>
          {start.isPending ? 'Preparing…' : 'Begin set-up'}
        </Button>
      </div>
    );
  }

  return (
    <div className="space-y-4 text-sm">
      <p>1. Scan this QR code with the app.</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, nothing to optimise */}
      <img src={start.data.qr} alt="QR code for your authenticator app" width={224} height={224} className="rounded border border-border bg-white" />
      <p>
        Or type this key into it:{' '}
        <code data-testid="totp-secret" className="rounded bg-muted px-1.5 py-0.5 font-mono break-all">
          {start.data.secret}
        </code>
      </p>
      <Form form={form} onSubmit={(v) => confirm.mutate(v)} className="space-y-3" aria-label="Confirm two-factor sign-in">
        <p>2. Enter the 6-digit code the app shows.</p>
        <FormText name="code" label="Code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
        <Button type="submit" disabled={confirm.isPending}>
          {confirm.isPending ? 'Checking…' : 'Turn on'}
        </Button>
      </Form>
    </div>
  );
}

/** Turning it off asks for the password, so an unattended session cannot. */
export function DisableTwoFactor() {
  const router = useRouter();
  const trpc = useTRPC();
  const form = useZodForm(passwordForm, { password: '' });
  const disable = useMutation(
    trpc.account.disableTwoFactor.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      onSuccess: () => {
        toast.success('Two-factor sign-in is off');
        router.refresh();
      },
    }),
  );
  return (
    <Form form={form} onSubmit={(v) => disable.mutate(v)} className="space-y-3" aria-label="Turn off two-factor sign-in">
      <FormText name="password" id="disable-password" label="Your password" type="password" autoComplete="current-password" />
      <Button type="submit" variant="secondary" disabled={disable.isPending}>
        Turn off
      </Button>
    </Form>
  );
}
