'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { type FieldErrors, fieldErrors } from '@/server/errors';
import { paymentSettingsInput } from '@/server/schemas/payments';
import type { PaymentSettingsView } from '@/server/services/settings/payments';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { CopyButton } from '../../_components/ui/copy-button';
import { Field, inputClass, TextField } from '../../_components/ui/field';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const on = (form: FormData, name: string) => form.get(name) === 'on';

const secretHint = { settings: 'Saved (sealed). Leave empty to keep it.', environment: 'From the environment. Type one to override it.', missing: 'Not set.' } as const;

/** Settings → Payments: gateway keys (write-only), sandbox or live, and which methods customers get. */
export function PaymentsForm({ settings, origin }: { settings: PaymentSettingsView; origin: string }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(
    trpc.settings.updatePayments.mutationOptions({
      onSuccess: () => (toast.success('Payment settings saved'), setErrors({}), router.refresh()),
      onError: showFieldErrors(setErrors),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = paymentSettingsInput.safeParse({
      stripe: { enabled: on(form, 'stripe.enabled'), secret_key: text(form, 'stripe.secret_key'), webhook_secret: text(form, 'stripe.webhook_secret') },
      paypal: {
        enabled: on(form, 'paypal.enabled'),
        mode: text(form, 'paypal.mode'),
        client_id: text(form, 'paypal.client_id'),
        client_secret: text(form, 'paypal.client_secret'),
        webhook_id: text(form, 'paypal.webhook_id'),
      },
      bank_transfer: { enabled: on(form, 'bank_transfer.enabled'), instructions: text(form, 'bank_transfer.instructions') },
      credit_enabled: on(form, 'credit_enabled'),
      terms_url: text(form, 'terms_url'),
    });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    save.mutate(parsed.data);
    // Typed secrets are not kept in the page once sent.
    for (const name of ['stripe.secret_key', 'stripe.webhook_secret', 'paypal.client_secret']) {
      const input = event.currentTarget.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input.value = '';
    }
  }

  const secret = (name: string, label: string, state: keyof typeof secretHint) => (
    <Field label={label} name={`pay.${name}`} error={errors[name]} hint={secretHint[state]}>
      <input id={`pay.${name}`} name={name} type="password" autoComplete="off" className={inputClass} placeholder={state === 'missing' ? '' : '••••••••'} aria-invalid={errors[name] ? true : undefined} />
    </Field>
  );
  const toggle = (name: string, label: string, checked: boolean) => (
    <label className="flex items-center gap-2 text-sm font-medium">
      <input type="checkbox" name={name} defaultChecked={checked} /> {label}
    </label>
  );
  const webhook = (path: string) => (
    <p className="flex items-center gap-2 text-xs text-fg-muted">
      Webhook URL: <code className="rounded bg-muted px-1.5 py-0.5">{`${origin}${path}`}</code> <CopyButton text={`${origin}${path}`} label="Copy webhook URL" />
    </p>
  );

  return (
    <Card className="p-5">
      <h2 className="font-semibold">Payments</h2>
      <p className="mb-4 text-sm text-fg-muted">How customers pay at checkout, in their portal and on public invoice links. Keys typed here override the environment’s and never leave the server.</p>
      {settings.notices.length > 0 && (
        <div role="status" data-testid="payment-notices" className="mb-4 space-y-1 rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm text-amber-800 dark:text-amber-200">
          {settings.notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
        </div>
      )}
      <form onSubmit={submit} noValidate className="space-y-6" aria-label="Payments">
        <fieldset className="space-y-3">
          {toggle('stripe.enabled', 'Cards through Stripe Checkout', settings.stripe.enabled)}
          <div className="grid gap-3 sm:grid-cols-2">
            {secret('stripe.secret_key', 'Secret key', settings.stripe.secret_key)}
            {secret('stripe.webhook_secret', 'Webhook signing secret', settings.stripe.webhook_secret)}
          </div>
          {webhook('/api/webhooks/stripe')}
        </fieldset>
        <fieldset className="space-y-3">
          {toggle('paypal.enabled', 'PayPal', settings.paypal.enabled)}
          <div className="grid gap-3 sm:grid-cols-[8rem_1fr_1fr]">
            <Field label="Mode" name="pay.paypal.mode">
              <select id="pay.paypal.mode" name="paypal.mode" className={inputClass} defaultValue={settings.paypal.mode}>
                <option value="sandbox">Sandbox</option>
                <option value="live">Live</option>
              </select>
            </Field>
            <TextField id="pay.paypal.client_id" name="paypal.client_id" label="Client id" defaultValue={settings.paypal.client_id} error={errors['paypal.client_id']} placeholder={settings.paypal.env_client_id ? 'from the environment' : ''} />
            {secret('paypal.client_secret', 'Client secret', settings.paypal.client_secret)}
            <div className="sm:col-span-3">
              <TextField id="pay.paypal.webhook_id" name="paypal.webhook_id" label="Webhook id" defaultValue={settings.paypal.webhook_id} error={errors['paypal.webhook_id']} placeholder={settings.paypal.env_webhook_id ? 'from the environment' : ''} />
            </div>
          </div>
          {webhook('/api/webhooks/paypal')}
        </fieldset>
        <fieldset className="space-y-3">
          {toggle('bank_transfer.enabled', 'Bank transfer', settings.bank_transfer.enabled)}
          <Field label="Instructions shown to customers" name="pay.bank_transfer.instructions" error={errors['bank_transfer.instructions']}>
            <textarea id="pay.bank_transfer.instructions" name="bank_transfer.instructions" rows={3} className={`${inputClass} h-auto py-2`} defaultValue={settings.bank_transfer.instructions} />
          </Field>
        </fieldset>
        <fieldset className="space-y-3">
          {toggle('credit_enabled', 'Customers may pay from their credit balance', settings.credit_enabled)}
          <TextField id="pay.terms_url" name="terms_url" label="Terms of service URL (linked at checkout)" defaultValue={settings.terms_url} error={errors.terms_url} placeholder="https://example.com/terms" />
        </fieldset>
        <div className="flex justify-end">
          <Button type="submit" disabled={save.isPending}>
            Save payment settings
          </Button>
        </div>
      </form>
    </Card>
  );
}
