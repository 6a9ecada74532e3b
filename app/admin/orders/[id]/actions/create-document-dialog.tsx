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
 * the clerk to check, edit and issue; nothing reaches the customer before it is issued.
 */
export function CreateDocumentDialog({
  orderId,
  kind,
  basePath,
  onClose,
}: {
  orderId: string;
  kind: keyof typeof names;
  basePath: ConsoleBase;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(
    trpc.orders.createDocument.mutationOptions({
      onError: toastError,
      onSuccess: (document) => {
        toast.success(`Draft ${names[kind]} created`);
        router.push(`${basePath}/invoices/${document.id}`);
      },
    }),
  );
  return (
    <ConfirmDialog
      title={kind === 'invoice' ? 'Create invoice' : 'Create proforma'}
      description={`A draft ${names[kind]} with this order’s lines opens for you to check and edit, then issue. It bills the lines once: the services’ renewals stay with their own invoices.`}
      confirm="Create draft"
      onConfirm={() => create.mutate({ id: orderId, kind })}
      onClose={onClose}
      pending={create.isPending}
    />
  );
}
