'use client';

import { useMutation } from '@tanstack/react-query';
import { ConfirmDialog } from '../../../../_components/ui/dialog';
import { useTRPC } from '../../../../_lib/trpc';
import { toastError, useFinish } from '../../../../_lib/use-finish';
import type { ActionCustomer } from '../customer-actions';

/** Merges the customer's open invoices in their currency into one. */
export function ConsolidateDialog({ customer, onClose }: { customer: ActionCustomer; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const consolidate = useMutation(
    trpc.invoices.consolidate.mutationOptions({ onError: toastError, onSuccess: (i) => finish(`Open invoices merged into ${i.number}`) }),
  );
  return (
    <ConfirmDialog
      title="Consolidate pending"
      description={`Every open ${customer.currency} invoice becomes one; the others are cancelled and point to it.`}
      confirm="Consolidate"
      keep="Keep them"
      onConfirm={() => consolidate.mutate({ customerId: customer.id, currency: customer.currency })}
      onClose={onClose}
      pending={consolidate.isPending}
    />
  );
}
