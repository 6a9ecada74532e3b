'use client';

import { useMutation } from '@tanstack/react-query';
import { ConfirmDialog } from '../../../../_components/ui/dialog';
import { useTRPC } from '../../../../_lib/trpc';
import { toastError, useFinish } from '../../../../_lib/use-finish';

type Props = { invoiceId: string; onClose: () => void };

export function CancelInvoiceDialog({ invoiceId, onClose }: Props) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const cancel = useMutation(trpc.invoices.cancel.mutationOptions({ onError: toastError, onSuccess: () => finish('Invoice cancelled') }));
  return (
    <ConfirmDialog
      title="Cancel invoice"
      description="The customer will owe nothing on it; its number stays used."
      onConfirm={() => cancel.mutate({ id: invoiceId })}
      onClose={onClose}
      pending={cancel.isPending}
      danger
    />
  );
}
