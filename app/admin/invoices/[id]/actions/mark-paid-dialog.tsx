'use client';

import { useMutation } from '@tanstack/react-query';
import { useMoney } from '../../../../_components/money';
import { ConfirmDialog } from '../../../../_components/ui/dialog';
import { useIdempotencyKey } from '../../../../_lib/idempotency-key';
import { useTRPC } from '../../../../_lib/trpc';
import { toastError, useFinish } from '../../../../_lib/use-finish';
import type { ActionInvoice } from '../invoice-actions';

export function MarkPaidDialog({ invoice, onClose }: { invoice: ActionInvoice; onClose: () => void }) {
  const money = useMoney();
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const markPaid = useMutation(
    trpc.invoices.markPaid.mutationOptions({ onError: toastError, onSuccess: () => (renewKey(), finish('Invoice marked as paid')) }),
  );
  return (
    <ConfirmDialog
      title="Mark as paid"
      description={`Records one payment of ${money(BigInt(invoice.balance), invoice.currency)} by bank transfer.`}
      onConfirm={() => markPaid.mutate({ id: invoice.id, idempotencyKey })}
      onClose={onClose}
      pending={markPaid.isPending}
    />
  );
}
