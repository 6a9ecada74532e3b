'use client';

import { useMutation } from '@tanstack/react-query';
import { ConfirmDialog } from '../../../../_components/ui/dialog';
import { useTRPC } from '../../../../_lib/trpc';
import { toastError, useFinish } from '../../../../_lib/use-finish';

type Props = { invoiceId: string; onClose: () => void };

export function RegenerateLinkDialog({ invoiceId, onClose }: Props) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const token = useMutation(
    trpc.invoices.regenerateToken.mutationOptions({ onError: toastError, onSuccess: () => finish('New public link issued; the old one no longer opens') }),
  );
  return (
    <ConfirmDialog
      title="Regenerate link"
      description="Links sent before will stop working."
      onConfirm={() => token.mutate({ id: invoiceId })}
      onClose={onClose}
      pending={token.isPending}
    />
  );
}
