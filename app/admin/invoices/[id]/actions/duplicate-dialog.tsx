'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import type { ConsoleBase } from '../../../../_components/console/base-path';
import { ConfirmDialog } from '../../../../_components/ui/dialog';
import { useTRPC } from '../../../../_lib/trpc';
import { toastError } from '../../../../_lib/use-finish';

/** Duplicate: a new draft with the same customer, lines, currency and notes, opened at once to edit. */
export function DuplicateDialog({ invoiceId, basePath, onClose }: { invoiceId: string; basePath: ConsoleBase; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const duplicate = useMutation(
    trpc.invoices.duplicate.mutationOptions({
      onError: toastError,
      onSuccess: (draft) => {
        toast.success('Draft created from this invoice');
        router.push(`${basePath}/invoices/${draft.id}`);
      },
    }),
  );
  return (
    <ConfirmDialog
      title="Duplicate"
      description="A new draft for the same customer with the same lines, currency and notes, dated today. Its number and payments are not copied."
      confirm="Create draft"
      onConfirm={() => duplicate.mutate({ id: invoiceId })}
      onClose={onClose}
      pending={duplicate.isPending || duplicate.isSuccess}
    />
  );
}
