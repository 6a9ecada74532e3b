'use client';

import { useMutation } from '@tanstack/react-query';
import { ConfirmDialog } from '../../../../_components/ui/dialog';
import { useTRPC } from '../../../../_lib/trpc';
import { toastError, useFinish } from '../../../../_lib/use-finish';

type Props = { invoiceId: string; onClose: () => void };

const finalizing = 'It gets the next number and becomes payable; after that it can only be edited while unpaid.';

export function FinalizeDialog({ invoiceId, onClose }: Props) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const finalize = useMutation(trpc.invoices.finalize.mutationOptions({ onError: toastError, onSuccess: (r) => finish(`Invoice ${r.number} finalized`) }));
  return (
    <ConfirmDialog
      title="Finalize"
      description={finalizing}
      onConfirm={() => finalize.mutate({ id: invoiceId })}
      onClose={onClose}
      pending={finalize.isPending}
    />
  );
}

/** Finalize & send: the same, and the invoice e-mailed to the customer in the same step. */
export function FinalizeAndSendDialog({ invoiceId, email, onClose }: Props & { email: string }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const send = useMutation(
    trpc.invoices.finalizeAndSend.mutationOptions({
      onError: toastError,
      onSuccess: (r) => finish(`Invoice ${r.invoice.number} finalized; e-mail to ${email} queued`),
    }),
  );
  return (
    <ConfirmDialog
      title="Finalize & send"
      description={`${finalizing} It is e-mailed to ${email} moments later.`}
      onConfirm={() => send.mutate({ id: invoiceId })}
      onClose={onClose}
      pending={send.isPending}
    />
  );
}
