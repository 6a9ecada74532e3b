'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import type { ConsoleBase } from '../../../../_components/console/base-path';
import { ConfirmDialog } from '../../../../_components/ui/dialog';
import { useTRPC } from '../../../../_lib/trpc';
import { toastError } from '../../../../_lib/use-finish';

const names = { invoice: 'invoice', proforma: 'proforma' } as const;

/**
 * Create invoice / Create proforma: a draft of the order's lines, opened on its invoice page for
 * the clerk to check, edit and issue; nothing reaches the customer before it is issued. A proforma
 * for an order whose first invoice (`replaces`) is unpaid takes its place instead, issued at once,
 * so the customer is never asked to pay twice.
 */
export function CreateDocumentDialog({
  orderId,
  kind,
  replaces,
  basePath,
  onClose,
}: {
  orderId: string;
  kind: keyof typeof names;
  /** The unpaid first invoice a proforma replaces, by number; null: a draft is made. */
  replaces: string | null;
  basePath: ConsoleBase;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const replacing = kind === 'proforma' && replaces !== null;
  const create = useMutation(
    trpc.orders.createDocument.mutationOptions({
      onError: toastError,
      onSuccess: (document) => {
        toast.success(replacing ? `Proforma ${document.number} issued; invoice ${replaces} cancelled` : `Draft ${names[kind]} created`);
        router.push(`${basePath}/invoices/${document.id}`);
      },
    }),
  );
  return (
    <ConfirmDialog
      title={kind === 'invoice' ? 'Create invoice' : 'Create proforma'}
      description={
        replacing
          ? `Invoice ${replaces} is unpaid, so the proforma replaces it: ${replaces} is cancelled and the proforma is issued now with its lines, amounts and due date (and e-mailed, if this order sends e-mails). Paying the proforma activates the order and issues the numbered invoice.`
          : `A draft ${names[kind]} with this order’s lines opens for you to check and edit, then issue. It bills the lines once: the services’ renewals stay with their own invoices.`
      }
      confirm={replacing ? 'Issue proforma' : 'Create draft'}
      onConfirm={() => create.mutate({ id: orderId, kind })}
      onClose={onClose}
      pending={create.isPending}
    />
  );
}
