'use client';

import { useMutation } from '@tanstack/react-query';
import { FileDown, Mail } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { channelNames, type Channel } from '@/server/schemas/invoices';
import type { ConsoleBase } from '../../../_components/console/base-path';
import { Button, buttonClass } from '../../../_components/ui/button';
import { Dialog, DialogActions } from '../../../_components/ui/dialog';
import { useTRPC } from '../../../_lib/trpc';

type ChannelState = { email: 'resend' | 'outbox'; sms: boolean; whatsapp: boolean };

/**
 * Download the PDF on any paper, and Send by e-mail, SMS or WhatsApp. A channel that cannot
 * send says why instead of failing after the click.
 */
export function DocumentActions({
  invoiceId,
  basePath,
  papers,
  canSend,
  channels,
  contact,
}: {
  invoiceId: string;
  /** The console the PDF link stays in. */
  basePath: ConsoleBase;
  papers: Array<{ id: string; label: string }>;
  canSend: boolean;
  channels: ChannelState;
  contact: { email: string; phone: string | null };
}) {
  // '' leaves the paper to the settings.
  const [paper, setPaper] = useState('');
  const [open, setOpen] = useState(false);
  const [channel, setChannel] = useState<Channel>('email');
  const [failure, setFailure] = useState<string | null>(null);
  const router = useRouter();
  const trpc = useTRPC();
  const send = useMutation(
    trpc.invoices.send.mutationOptions({
      onError: (error) => setFailure(error.message),
      onSuccess: (entry) => {
        router.refresh();
        if (entry.status === 'failed') return setFailure(entry.detail ?? 'The provider refused the message');
        // "e-mail" reads as a word mid-sentence; SMS and WhatsApp keep their capitals.
        toast.success(`Sent by ${channel === 'email' ? 'e-mail' : channelNames[channel]} to ${entry.recipient}`);
        setOpen(false);
      },
    }),
  );
  const unavailable = (c: Channel): string | null => {
    if (c !== 'email' && !channels[c]) return 'not configured (Settings → Communication)';
    if (c !== 'email' && !contact.phone) return 'the customer has no phone number';
    return null;
  };
  const options: Array<{ value: Channel; label: string; to: string }> = [
    { value: 'email', label: channels.email === 'outbox' ? 'E-mail (kept in the dev outbox)' : 'E-mail', to: contact.email },
    { value: 'sms', label: 'SMS', to: contact.phone ?? '' },
    { value: 'whatsapp', label: 'WhatsApp, with the PDF', to: contact.phone ?? '' },
  ];

  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="Document">
      <select
        aria-label="Paper size"
        className="h-9 rounded-md border border-border bg-surface px-2 text-sm"
        value={paper}
        onChange={(e) => setPaper(e.target.value)}
      >
        <option value="">Default paper</option>
        {papers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
      <a
        className={buttonClass('secondary')}
        href={`${basePath}/invoices/${invoiceId}/pdf${paper ? `?paper=${encodeURIComponent(paper)}` : ''}`}
        target="_blank"
        rel="noreferrer"
      >
        <FileDown className="size-4" aria-hidden /> Download PDF
      </a>
      {canSend ? (
        <Button variant="secondary" onClick={() => (setFailure(null), setOpen(true))}>
          <Mail className="size-4" aria-hidden /> Send
        </Button>
      ) : null}
      <Dialog open={open} onOpenChange={setOpen} title="Send invoice" description="Every send is kept in the invoice’s notification log.">
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            setFailure(null);
            send.mutate({ id: invoiceId, channel });
          }}
        >
          <fieldset className="space-y-2" aria-label="Channel">
            {options.map((o) => {
              const why = unavailable(o.value);
              return (
                <label key={o.value} className={`flex items-start gap-2 text-sm ${why ? 'text-fg-muted' : ''}`}>
                  <input
                    type="radio"
                    name="channel"
                    value={o.value}
                    checked={channel === o.value}
                    disabled={why !== null}
                    onChange={() => setChannel(o.value)}
                    className="mt-1"
                  />
                  <span>
                    <span className="font-medium">{o.label}</span>
                    <span className="block text-xs text-fg-muted">{why ?? `to ${o.to}`}</span>
                  </span>
                </label>
              );
            })}
          </fieldset>
          {failure ? (
            <p role="alert" className="rounded-md bg-danger/10 px-3 py-2 text-sm text-danger">
              Not sent: {failure}
            </p>
          ) : null}
          <DialogActions onCancel={() => setOpen(false)} pending={send.isPending} submit="Send now" />
        </form>
      </Dialog>
    </div>
  );
}
