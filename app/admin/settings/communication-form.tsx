'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { type FieldErrors, fieldErrors } from '@/server/errors';
import { type CommunicationView, communicationSettingsInput } from '@/server/schemas/communication';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { Field, inputClass, TextField } from '../../_components/ui/field';
import { useTRPC } from '../../_lib/trpc';
import { showFieldErrors } from '../../_lib/form-errors';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const secretHint = (saved: boolean) => (saved ? 'Saved (sealed). Leave empty to keep it.' : 'Not set.');

/** Settings → Communication: the SMS gateway and the WhatsApp API; a channel left off cannot send. */
export function CommunicationForm({ settings }: { settings: CommunicationView }) {
  const [sms, setSms] = useState(settings.sms !== null);
  const [whatsapp, setWhatsapp] = useState(settings.whatsapp !== null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(
    trpc.notify.updateCommunication.mutationOptions({
      onSuccess: () => (toast.success('Communication settings saved'), setErrors({}), router.refresh()),
      onError: showFieldErrors(setErrors),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const candidate = {
      sms: sms
        ? {
            url: text(form, 'sms.url'),
            method: text(form, 'sms.method') as 'POST' | 'GET',
            auth_header: text(form, 'sms.auth_header'),
            remove_auth_header: form.get('sms.remove_auth_header') === 'on',
            body_template: text(form, 'sms.body_template'),
          }
        : null,
      whatsapp: whatsapp ? { base_url: text(form, 'whatsapp.base_url'), instance: text(form, 'whatsapp.instance'), token: text(form, 'whatsapp.token') } : null,
    };
    const parsed = communicationSettingsInput.safeParse(candidate);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    save.mutate(parsed.data);
    // Typed secrets are not kept in the page once sent.
    for (const name of ['sms.auth_header', 'whatsapp.token']) {
      const input = event.currentTarget.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input.value = '';
    }
  }

  // A sealed secret is never sent back: the field starts empty, and empty keeps what is saved.
  const secretField = (name: string, label: string, saved: boolean, placeholder: string) => (
    <Field label={label} name={name} error={errors[name]} hint={secretHint(saved)}>
      <input
        id={name}
        name={name}
        type="password"
        autoComplete="off"
        className={inputClass}
        placeholder={saved ? '••••••••' : placeholder}
        aria-invalid={errors[name] ? true : undefined}
      />
    </Field>
  );
  const field = (name: string, label: string, value: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <TextField name={name} label={label} error={errors[name]} defaultValue={value} {...props} />
  );

  return (
    <Card className="p-5">
      <h2 className="font-semibold">Communication</h2>
      <p className="mb-4 text-sm text-fg-muted">
        E-mail goes through Resend when RESEND_API_KEY is set, and to Admin → Outbox otherwise. SMS and WhatsApp send once set up here.
      </p>
      <form onSubmit={submit} noValidate className="space-y-6" aria-label="Communication">
        <fieldset className="space-y-3">
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" checked={sms} onChange={(e) => setSms(e.target.checked)} /> SMS through an HTTP gateway
          </label>
          {sms ? (
            <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
              {field('sms.url', 'Gateway URL', settings.sms?.url ?? '', { placeholder: 'https://sms.example.com/api/send' })}
              <Field label="Method" name="sms.method">
                <select id="sms.method" name="sms.method" className={inputClass} defaultValue={settings.sms?.method ?? 'POST'}>
                  <option>POST</option>
                  <option>GET</option>
                </select>
              </Field>
              <div className="space-y-2 sm:col-span-2">
                {secretField('sms.auth_header', 'Auth header (optional)', Boolean(settings.sms?.auth_header_set), 'Authorization: Bearer …')}
                {settings.sms?.auth_header_set ? (
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="sms.remove_auth_header" /> Remove the saved auth header
                  </label>
                ) : null}
              </div>
              <div className="sm:col-span-2">
                {field('sms.body_template', 'Body template: {to} and {message} are filled in', settings.sms?.body_template ?? '{"to":"{to}","text":"{message}"}')}
              </div>
            </div>
          ) : null}
        </fieldset>
        <fieldset className="space-y-3">
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" checked={whatsapp} onChange={(e) => setWhatsapp(e.target.checked)} /> WhatsApp through an Ultramsg-compatible API
          </label>
          {whatsapp ? (
            <div className="grid gap-3 sm:grid-cols-3">
              {field('whatsapp.base_url', 'API URL', settings.whatsapp?.base_url ?? 'https://api.ultramsg.com')}
              {field('whatsapp.instance', 'Instance', settings.whatsapp?.instance ?? '', { placeholder: 'instance12345' })}
              {secretField('whatsapp.token', 'Token', Boolean(settings.whatsapp?.token_set), '')}
            </div>
          ) : null}
        </fieldset>
        <div className="flex justify-end">
          <Button type="submit" disabled={save.isPending}>
            Save communication settings
          </Button>
        </div>
      </form>
    </Card>
  );
}
