'use client';

import { useMutation } from '@tanstack/react-query';
import type { OrderStatus } from '@/server/billing/order-status';
import { ConfirmDialog } from '../../../../_components/ui/dialog';
import { useTRPC } from '../../../../_lib/trpc';
import { toastError, useFinish } from '../../../../_lib/use-finish';

/** Moves the order to a status the state machine allows; its services follow. */
export function StatusDialog({ orderId, status, onClose }: { orderId: string; status: OrderStatus; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const change = useMutation(trpc.orders.changeStatus.mutationOptions({ onError: toastError, onSuccess: (o) => finish(`Order is now ${o.status}`) }));
  return (
    <ConfirmDialog
      title={`Make the order ${status}`}
      description="Its services follow: suspended, reactivated, cancelled or terminated with it."
      confirm="Confirm"
      onConfirm={() => change.mutate({ id: orderId, status })}
      onClose={onClose}
      pending={change.isPending}
    />
  );
}
