'use client';

import { useMutation } from '@tanstack/react-query';
import { ConfirmDialog } from '../../../../_components/ui/dialog';
import { useTRPC } from '../../../../_lib/trpc';
import { toastError, useFinish } from '../../../../_lib/use-finish';

export function ApproveDialog({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const approve = useMutation(trpc.orders.approve.mutationOptions({ onError: toastError, onSuccess: () => finish('Order approved; it is live') }));
  return (
    <ConfirmDialog
      title="Approve order"
      description="The order and its services go live now, paid or not."
      confirm="Confirm"
      onConfirm={() => approve.mutate({ id: orderId })}
      onClose={onClose}
      pending={approve.isPending}
    />
  );
}
