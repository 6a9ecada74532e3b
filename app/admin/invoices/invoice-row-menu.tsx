'use client';

import { useMutation } from '@tanstack/react-query';
import { Ellipsis } from 'lucide-react';
import Link from 'next/link';
import { DropdownMenu } from 'radix-ui';
import { useState } from 'react';
import { toast } from 'sonner';
import { channelNames, type Channel } from '@/server/schemas/invoices';
import type { ConsoleBase } from '../../_components/console/base-path';
import { useTRPC } from '../../_lib/trpc';
import { toastError } from '../../_lib/use-finish';
import { DeleteInvoiceDialog } from './[id]/actions/delete-invoice-dialog';
import { RecordPaymentDialog } from './[id]/actions/record-payment-dialog';

/** What a row's menu needs of its invoice; `can*` already weigh its state and the person's permissions. */
export type MenuInvoice = {
  id: string;
  number: string | null;
  currency: string;
  balance: string;
  canSend: boolean;
  canPay: boolean;
  canDelete: boolean;
};

const itemClass = 'flex w-full cursor-default items-center rounded px-2 py-1.5 text-sm outline-none select-none data-[highlighted]:bg-muted';

/**
 * A row's actions without opening the invoice: View, PDF, Send by each configured channel, Add
 * payment and Delete, each only where the invoice's state and the person's permissions allow it.
 */
export function InvoiceRowMenu({ invoice, basePath, channels }: { invoice: MenuInvoice; basePath: ConsoleBase; channels: readonly Channel[] }) {
  const [open, setOpen] = useState<null | 'pay' | 'delete'>(null);
  const trpc = useTRPC();
  const send = useMutation(
    trpc.invoices.send.mutationOptions({
      onError: toastError,
      onSuccess: (entry) =>
        entry.status === 'failed'
          ? toast.error(entry.detail ?? 'The provider refused the message')
          : toast.success(`${invoice.number} sent by ${entry.channel === 'email' ? 'e-mail' : channelNames[entry.channel]} to ${entry.recipient}`),
    }),
  );
  const href = `${basePath}/invoices/${invoice.id}`;
  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger aria-label={`Actions for ${invoice.number ?? 'draft'}`} className="rounded-md p-1 text-fg-muted hover:bg-muted hover:text-fg">
          <Ellipsis className="size-4" aria-hidden />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="end" className="z-30 min-w-44 rounded-md border border-border bg-surface p-1 shadow-lg">
            <DropdownMenu.Item asChild className={itemClass}>
              <Link href={href}>View</Link>
            </DropdownMenu.Item>
            <DropdownMenu.Item asChild className={itemClass}>
              <a href={`${href}/pdf`} target="_blank" rel="noopener">
                PDF
              </a>
            </DropdownMenu.Item>
            {invoice.canSend
              ? channels.map((channel) => (
                  <DropdownMenu.Item key={channel} className={itemClass} disabled={send.isPending} onSelect={() => send.mutate({ id: invoice.id, channel })}>
                    Send by {channel === 'email' ? 'e-mail' : channelNames[channel]}
                  </DropdownMenu.Item>
                ))
              : null}
            {invoice.canPay ? (
              <DropdownMenu.Item className={itemClass} onSelect={() => setOpen('pay')}>
                Add payment
              </DropdownMenu.Item>
            ) : null}
            {invoice.canDelete ? (
              <DropdownMenu.Item className={`${itemClass} text-danger`} onSelect={() => setOpen('delete')}>
                Delete
              </DropdownMenu.Item>
            ) : null}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {open === 'pay' ? <RecordPaymentDialog invoice={invoice} onClose={() => setOpen(null)} /> : null}
      {open === 'delete' ? <DeleteInvoiceDialog invoiceId={invoice.id} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
