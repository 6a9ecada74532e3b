'use client';

import { useMutation } from '@tanstack/react-query';
import { ConfirmDialog } from '../../../../_components/ui/dialog';
import { useTRPC } from '../../../../_lib/trpc';
import { toastError, useFinish } from '../../../../_lib/use-finish';

type Props = { invoiceId: string; onClose: () => void };

export function DeleteInvoiceDialog({ invoiceId, onClose }: Props) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const remove = useMutation(trpc.invoices.delete.mutationOptions({ onError: toastError, onSuccess: () => finish('Invoice deleted') }));
  return (
    <ConfirmDialog
      title="Delete invoice"
      description="It leaves the invoice lists; the record and its history stay for the audit trail."
      onConfirm={() => remove.mutate({ id: invoiceId })}
      onClose={onClose}
      pending={remove.isPending}
      danger
    />
  );
}
