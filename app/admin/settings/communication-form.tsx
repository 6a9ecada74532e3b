'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { z } from 'zod';
import { communicationSettingsInput, type CommunicationView } from '@/server/schemas/communication';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { Form, FormCheckbox, FormSelect, FormText, setFieldErrors, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { checkedBy } from '../../_lib/form-schemas';
import { useTRPC } from '../../_lib/trpc';

const secretHint = (saved: boolean) => (saved ? 'Saved (sealed). Leave empty to keep it.' : 'Not set.');

// A channel switched off is sent as null; one switched on is checked by the server's schema.
const communicationForm = z
  .object({
    sms_on: z.boolean(),
    sms: z.object({ url: z.string(), method: z.enum(['POST', 'GET']), auth_header: z.string(), remove_auth_header: z.boolean(), body_template: z.string() }),
    whatsapp_on: z.boolean(),
    whatsapp: z.object({ base_url: z.string(), instance: z.string(), token: z.string() }),
  })
  .transform((form) => ({ sms: form.sms_on ? form.sms : null, whatsapp: form.whatsapp_on ? form.whatsapp : null }))
  .superRefine(checkedBy(communicationSettingsInput));

/** Settings → Communication: the SMS gateway and the WhatsApp API; a channel left off cannot send. */
export function CommunicationForm({ settings }: { settings: CommunicationView }) {
  const router = useRouter();
  const trpc = useTRPC();
  const form = useZodForm(communicationForm, {
    sms_on: settings.sms !== null,
    sms: {
      url: settings.sms?.url ?? '',
      method: settings.sms?.method ?? 'POST',
      auth_header: '',
      remove_auth_header: false,
      body_template: settings.sms?.body_template ?? '{"to":"{to}","text":"{message}"}',
    },
    whatsapp_on: settings.whatsapp !== null,
    whatsapp: { base_url: settings.whatsapp?.base_url ?? 'https://api.ultramsg.com', instance: settings.whatsapp?.instance ?? '', token: '' },
  });
  const [sms, whatsapp] = form.watch(['sms_on', 'whatsapp_on']);
  const save = useMutation(
    trpc.notify.updateCommunication.mutationOptions({
      onSuccess: () => (toast.success('Communication settings saved'), router.refresh()),
      onError: showFieldErrors(setFieldErrors(form)),
    }),
  );

  function submit(values: z.output<typeof communicationForm>) {
    save.mutate(values);
    // Typed secrets are not kept in the page once sent.
    for (const name of ['sms.auth_header', 'whatsapp.token'] as const) form.setValue(name, '');
  }

  // A sealed secret is never sent back: the field starts empty, and empty keeps what is saved.
  const secretField = (name: string, label: string, saved: boolean, placeholder: string) => (
    <FormText name={name} label={label} hint={secretHint(saved)} type="password" autoComplete="off" placeholder={saved ? '••••••••' : placeholder} />
  );

  return (
    <Card className="p-5">
      <h2 className="font-semibold">Communication</h2>
      <p className="mb-4 text-sm text-fg-muted">
        E-mail goes through Resend when RESEND_API_KEY is set, and to Admin → Outbox otherwise. SMS and WhatsApp send once set up here.
      </p>
      <Form form={form} onSubmit={submit} className="space-y-6" aria-label="Communication">
        <fieldset className="space-y-3">
          <FormCheckbox name="sms_on" className="font-medium">
            SMS through an HTTP gateway
          </FormCheckbox>
          {sms ? (
            <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
              <FormText name="sms.url" label="Gateway URL" placeholder="https://sms.example.com/api/send" />
              <FormSelect name="sms.method" label="Method">
                <option>POST</option>
                <option>GET</option>
              </FormSelect>
              <div className="space-y-2 sm:col-span-2">
                {secretField('sms.auth_header', 'Auth header (optional)', Boolean(settings.sms?.auth_header_set), 'Authorization: Bearer …')}
                {settings.sms?.auth_header_set ? <FormCheckbox name="sms.remove_auth_header">Remove the saved auth header</FormCheckbox> : null}
              </div>
              <div className="sm:col-span-2">
                <FormText name="sms.body_template" label="Body template: {to} and {message} are filled in" />
              </div>
            </div>
          ) : null}
        </fieldset>
        <fieldset className="space-y-3">
          <FormCheckbox name="whatsapp_on" className="font-medium">
            WhatsApp through an Ultramsg-compatible API
          </FormCheckbox>
          {whatsapp ? (
            <div className="grid gap-3 sm:grid-cols-3">
              <FormText name="whatsapp.base_url" label="API URL" />
              <FormText name="whatsapp.instance" label="Instance" placeholder="instance12345" />
              {secretField('whatsapp.token', 'Token', Boolean(settings.whatsapp?.token_set), '')}
            </div>
          ) : null}
        </fieldset>
        <div className="flex justify-end">
          <Button type="submit" disabled={save.isPending}>
            Save communication settings
          </Button>
        </div>
      </Form>
    </Card>
  );
}
