'use client';

import { useMutation } from '@tanstack/react-query';
import { Paperclip } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { fillPlaceholders, placeholders, samplePlaceholderValues, unknownPlaceholders } from '@/server/notify/placeholders';
import {
  communicationEventNames,
  communicationEvents,
  communicationRulesInput,
  type CommunicationEvent,
  type CommunicationRulesView,
} from '@/server/schemas/communication';
import { channelNames, type Channel } from '@/server/schemas/invoices';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { DataTable } from '../../_components/ui/data-table';
import { Form, FormTextarea, setFieldErrors, useField, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';

const channels: readonly Channel[] = ['email', 'sms', 'whatsapp'];

function ChannelBox({ event, channel }: { event: CommunicationEvent; channel: Channel }) {
  const { initial, ...field } = useField(`${event}.channels.${channel}`);
  return <input type="checkbox" aria-label={`${communicationEventNames[event]} by ${channelNames[channel]}`} defaultChecked={Boolean(initial)} {...field} />;
}

/** The text as the customer will read it, filled from a sample invoice while the admin types. */
function Preview({ text, channel, label }: { text: string; channel: 'sms' | 'whatsapp'; label: string }) {
  const unknown = unknownPlaceholders(text);
  const filled = fillPlaceholders(text, samplePlaceholderValues);
  // As the sender does: WhatsApp always carries the public link, after a text that does not place it.
  const shown = channel === 'whatsapp' && !text.includes('{link}') ? `${filled}\n${samplePlaceholderValues.link}` : filled;
  return (
    <div className="rounded-md border border-border bg-muted/40 p-3 text-sm" aria-label={label} role="status">
      <p className="mb-1 text-xs font-medium tracking-wide text-fg-muted uppercase">Preview</p>
      {channel === 'whatsapp' ? (
        <p className="mb-1 flex items-center gap-1 text-xs text-fg-muted">
          <Paperclip className="size-3" aria-hidden /> {samplePlaceholderValues.invoice_number}.pdf
        </p>
      ) : null}
      <p className="break-words whitespace-pre-wrap">{shown || '—'}</p>
      {channel === 'sms' ? <p className="mt-1 text-xs text-fg-muted">{shown.length} characters</p> : null}
      {unknown.length > 0 ? <p className="mt-1 text-xs text-danger">Not a placeholder: {unknown.map((name) => `{${name}}`).join(', ')}</p> : null}
    </div>
  );
}

/**
 * Settings → Communication rules: per event, the channels automatic notifications go out on,
 * and the SMS and WhatsApp texts with a live preview. E-mail keeps its template.
 */
export function CommunicationRulesForm({ view }: { view: CommunicationRulesView }) {
  const router = useRouter();
  const trpc = useTRPC();
  const form = useZodForm(communicationRulesInput, view.rules);
  const values = form.watch();
  const save = useMutation(
    trpc.notify.updateCommunicationRules.mutationOptions({
      onSuccess: () => (toast.success('Communication rules saved'), router.refresh()),
      onError: showFieldErrors(setFieldErrors(form)),
    }),
  );
  const unconfigured = (['sms', 'whatsapp'] as const).filter((channel) => !view.configured[channel]);
  const ticked = (channel: 'sms' | 'whatsapp') => communicationEvents.some((event) => values[event]?.channels?.[channel]);

  return (
    <Card className="p-5">
      <h2 className="font-semibold">Communication rules</h2>
      <p className="mb-2 text-sm text-fg-muted">
        Which channels tell the customer of each event, and what SMS and WhatsApp say. E-mail uses its{' '}
        <Link href="/admin/email-templates" className="text-accent underline">
          template
        </Link>
        ; WhatsApp sends the invoice PDF with the text, and adds the public invoice link when the text does not place it.
      </p>
      <p className="mb-4 text-xs text-fg-muted">
        Placeholders:{' '}
        {Object.entries(placeholders).map(([name, meaning], i) => (
          <span key={name} title={meaning}>
            {i > 0 ? ' ' : ''}
            <code>{`{${name}}`}</code>
          </span>
        ))}
      </p>
      <Form form={form} onSubmit={(rules) => save.mutate(rules)} className="space-y-6" aria-label="Communication rules">
        {unconfigured.map((channel) =>
          ticked(channel) ? (
            <p
              key={channel}
              role="alert"
              className="rounded-md border border-amber-500/40 bg-amber-500/10 px-3 py-2 text-sm text-amber-800 dark:text-amber-200"
            >
              {channelNames[channel]} is not configured: ticked events skip it (the invoice’s notification log says so) until it is set up above.
            </p>
          ) : null,
        )}
        <DataTable
          label="Channels per event"
          variant="inset"
          columns={[
            { label: 'Event' },
            ...channels.map((channel) => ({ label: channelNames[channel] + (channel !== 'email' && !view.configured[channel] ? ' (not configured)' : '') })),
          ]}
        >
          {communicationEvents.map((event) => (
            <tr key={event}>
              <td className="py-2">{communicationEventNames[event]}</td>
              {channels.map((channel) => (
                <td key={channel} className="py-2">
                  <ChannelBox event={event} channel={channel} />
                </td>
              ))}
            </tr>
          ))}
        </DataTable>

        {communicationEvents.map((event) => {
          const rule = values[event];
          // Texts of an event sent by neither SMS nor WhatsApp stay in the form, out of sight.
          const shown = Boolean(rule?.channels?.sms || rule?.channels?.whatsapp || form.formState.errors[event]);
          return (
            <fieldset key={event} hidden={!shown} className="space-y-3 border-t border-border pt-4">
              <legend className="font-medium">{communicationEventNames[event]}</legend>
              <div className="grid gap-4 md:grid-cols-2">
                {(['sms', 'whatsapp'] as const).map((channel) => (
                  <div key={channel} className="space-y-2">
                    <FormTextarea name={`${event}.${channel}_text`} label={`${channelNames[channel]} text`} rows={3} />
                    <Preview
                      text={rule?.[`${channel}_text`] ?? ''}
                      channel={channel}
                      label={`${communicationEventNames[event]} ${channelNames[channel]} preview`}
                    />
                  </div>
                ))}
              </div>
            </fieldset>
          );
        })}
        <div className="flex justify-end">
          <Button type="submit" disabled={save.isPending}>
            Save communication rules
          </Button>
        </div>
      </Form>
    </Card>
  );
}
