'use client';

import { useMutation } from '@tanstack/react-query';
import { ConfirmDialog } from '../../../../_components/ui/dialog';
import { useTRPC } from '../../../../_lib/trpc';
import { toastError, useFinish } from '../../../../_lib/use-finish';

type Props = { invoiceId: string; onClose: () => void };

export function FinalizeDialog({ invoiceId, onClose }: Props) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const finalize = useMutation(trpc.invoices.finalize.mutationOptions({ onError: toastError, onSuccess: (r) => finish(`Invoice ${r.number} finalized`) }));
  return (
    <ConfirmDialog
      title="Finalize"
      description="It gets the next number and becomes payable; after that it can only be edited while unpaid."
      onConfirm={() => finalize.mutate({ id: invoiceId })}
      onClose={onClose}
      pending={finalize.isPending}
    />
  );
}
