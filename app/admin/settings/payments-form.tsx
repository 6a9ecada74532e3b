'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { paymentSettingsInput, type PaymentSettingsInput } from '@/server/schemas/payments';
import type { PaymentSettingsView } from '@/server/services/settings/payments';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { CopyButton } from '../../_components/ui/copy-button';
import { Form, FormCheckbox, FormSelect, FormText, FormTextarea, setFieldErrors, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';

const secretHint = {
  settings: 'Saved (sealed). Leave empty to keep it.',
  environment: 'From the environment. Type one to override it.',
  missing: 'Not set.',
} as const;

/** Settings → Payments: gateway keys (write-only), sandbox or live, and which methods customers get. */
export function PaymentsForm({ settings, origin }: { settings: PaymentSettingsView; origin: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  // A sealed secret is never sent back: its field starts empty, and empty keeps what is saved.
  const form = useZodForm(paymentSettingsInput, {
    stripe: { enabled: settings.stripe.enabled, secret_key: '', webhook_secret: '' },
    paypal: {
      enabled: settings.paypal.enabled,
      mode: settings.paypal.mode,
      client_id: settings.paypal.client_id,
      client_secret: '',
      webhook_id: settings.paypal.webhook_id,
    },
    bank_transfer: { enabled: settings.bank_transfer.enabled, instructions: settings.bank_transfer.instructions },
    credit_enabled: settings.credit_enabled,
    terms_url: settings.terms_url,
  });
  const save = useMutation(
    trpc.settings.updatePayments.mutationOptions({
      onSuccess: () => (toast.success('Payment settings saved'), router.refresh()),
      onError: showFieldErrors(setFieldErrors(form)),
    }),
  );

  function submit(values: PaymentSettingsInput) {
    save.mutate(values);
    // Typed secrets are not kept in the page once sent.
    for (const name of ['stripe.secret_key', 'stripe.webhook_secret', 'paypal.client_secret'] as const) form.setValue(name, '');
  }

  const secret = (name: string, label: string, state: keyof typeof secretHint) => (
    <FormText
      id={`pay.${name}`}
      name={name}
      label={label}
      hint={secretHint[state]}
      type="password"
      autoComplete="off"
      placeholder={state === 'missing' ? '' : '••••••••'}
    />
  );
  const toggle = (name: string, label: string) => (
    <FormCheckbox name={name} className="font-medium">
      {label}
    </FormCheckbox>
  );
  const webhook = (path: string) => (
    <p className="flex items-center gap-2 text-xs text-fg-muted">
      Webhook URL: <code className="rounded bg-muted px-1.5 py-0.5 break-all">{`${origin}${path}`}</code>{' '}
      <CopyButton text={`${origin}${path}`} label="Copy webhook URL" />
    </p>
  );

  return (
    <Card className="p-5">
      <h2 className="font-semibold">Payments</h2>
      <p className="mb-4 text-sm text-fg-muted">
        How customers pay at checkout, in their portal and on public invoice links. Keys typed here override the environment’s and never leave the server.
      </p>
      {settings.notices.length > 0 && (
        <div
          role="status"
          data-testid="payment-notices"
          className="mb-4 space-y-1 rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm text-amber-800 dark:text-amber-200"
        >
          {settings.notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
        </div>
      )}
      <Form form={form} onSubmit={submit} className="space-y-6" aria-label="Payments">
        <fieldset className="space-y-3">
          {toggle('stripe.enabled', 'Cards through Stripe Checkout')}
          <div className="grid gap-3 sm:grid-cols-2">
            {secret('stripe.secret_key', 'Secret key', settings.stripe.secret_key)}
            {secret('stripe.webhook_secret', 'Webhook signing secret', settings.stripe.webhook_secret)}
          </div>
          {webhook('/api/webhooks/stripe')}
        </fieldset>
        <fieldset className="space-y-3">
          {toggle('paypal.enabled', 'PayPal')}
          <div className="grid gap-3 sm:grid-cols-[8rem_1fr_1fr]">
            <FormSelect id="pay.paypal.mode" name="paypal.mode" label="Mode">
              <option value="sandbox">Sandbox</option>
              <option value="live">Live</option>
            </FormSelect>
            <FormText
              id="pay.paypal.client_id"
              name="paypal.client_id"
              label="Client id"
              placeholder={settings.paypal.env_client_id ? 'from the environment' : ''}
            />
            {secret('paypal.client_secret', 'Client secret', settings.paypal.client_secret)}
            <div className="sm:col-span-3">
              <FormText
                id="pay.paypal.webhook_id"
                name="paypal.webhook_id"
                label="Webhook id"
                placeholder={settings.paypal.env_webhook_id ? 'from the environment' : ''}
              />
            </div>
          </div>
          {webhook('/api/webhooks/paypal')}
        </fieldset>
        <fieldset className="space-y-3">
          {toggle('bank_transfer.enabled', 'Bank transfer')}
          <FormTextarea id="pay.bank_transfer.instructions" name="bank_transfer.instructions" label="Instructions shown to customers" rows={3} />
        </fieldset>
        <fieldset className="space-y-3">
          {toggle('credit_enabled', 'Customers may pay from their credit balance')}
          <FormText id="pay.terms_url" name="terms_url" label="Terms of service URL (linked at checkout)" placeholder="https://example.com/terms" />
        </fieldset>
        <div className="flex justify-end">
          <Button type="submit" disabled={save.isPending}>
            Save payment settings
          </Button>
        </div>
      </Form>
    </Card>
  );
}
