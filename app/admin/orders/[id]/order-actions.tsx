'use client';

import { useMutation } from '@tanstack/react-query';
import { BadgeCheck, CreditCard } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import type { OrderStatus } from '@/server/billing/order-status';
import { Button, buttonClass } from '../../../_components/ui/button';
import { Dialog } from '../../../_components/ui/dialog';
import { useTRPC } from '../../../_lib/trpc';

/** Approve, change status (only to what the state machine allows) and pay. */
export function OrderActions({
  order,
  transitions,
  payHref,
  canEdit,
}: {
  order: { id: string; status: OrderStatus; awaitingApproval: boolean };
  transitions: OrderStatus[];
  payHref: string | null;
  canEdit: boolean;
}) {
  const [target, setTarget] = useState<OrderStatus | 'approve' | null>(null);
  const router = useRouter();
  const trpc = useTRPC();
  const finish = (message: string) => {
    toast.success(message);
    setTarget(null);
    router.refresh();
  };
  const onError = (error: { message: string }) => toast.error(error.message);
  const approve = useMutation(trpc.orders.approve.mutationOptions({ onError, onSuccess: () => finish('Order approved; it is live') }));
  const change = useMutation(trpc.orders.changeStatus.mutationOptions({ onError, onSuccess: (o) => finish(`Order is now ${o.status}`) }));
  if (!canEdit) return null;

  return (
    <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Order actions">
      {order.status === 'pending' ? (
        <Button onClick={() => setTarget('approve')}>
          <BadgeCheck className="size-4" aria-hidden /> Approve
        </Button>
      ) : null}
      {payHref ? (
        <Link href={payHref} className={buttonClass('secondary')}>
          <CreditCard className="size-4" aria-hidden /> Pay
        </Link>
      ) : null}
      {transitions.length > 0 ? (
        <label className="flex items-center gap-2 text-sm">
          <span className="text-fg-muted">Change status</span>
          <select
            aria-label="Change status"
            className="h-9 rounded-md border border-border bg-surface px-2 text-sm"
            value=""
            onChange={(e) => setTarget(e.target.value as OrderStatus)}
          >
            <option value="" disabled>
              Choose…
            </option>
            {transitions.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <Dialog
        open={target !== null}
        onOpenChange={(open) => (open ? undefined : setTarget(null))}
        title={target === 'approve' ? 'Approve order' : `Make the order ${target}`}
        description={target === 'approve' ? 'The order and its services go live now, paid or not.' : 'Its services follow: suspended, reactivated, cancelled or terminated with it.'}
      >
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setTarget(null)}>
            Keep it
          </Button>
          <Button
            disabled={approve.isPending || change.isPending}
            onClick={() => (target === 'approve' ? approve.mutate({ id: order.id }) : target && change.mutate({ id: order.id, status: target }))}
          >
            Confirm
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
