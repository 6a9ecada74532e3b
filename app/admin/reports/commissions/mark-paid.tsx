'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useMoney } from '../../../_components/money';
import { Button } from '../../../_components/ui/button';
import { ConfirmDialog } from '../../../_components/ui/dialog';
import { useIdempotencyKey } from '../../../_lib/idempotency-key';
import { useTRPC } from '../../../_lib/trpc';
import { toastError, useFinish } from '../../../_lib/use-finish';

type Props = {
  resellerId: string;
  resellerName: string;
  currency: string;
  /** Minor units, as a string: a bigint does not cross to the client as a prop. */
  outstanding: string;
  from: string;
  to: string;
};

/** A report row's "Mark paid": a confirm dialog with the amount, then one payout of everything outstanding. */
export function MarkCommissionPaid({ resellerId, resellerName, currency, outstanding, from, to }: Props) {
  const [open, setOpen] = useState(false);
  const money = useMoney();
  const trpc = useTRPC();
  const finish = useFinish(() => setOpen(false));
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const amount = money(BigInt(outstanding), currency);
  const markPaid = useMutation(
    trpc.commissions.markPaid.mutationOptions({
      onError: toastError,
      onSuccess: () => (renewKey(), finish(`Commission of ${amount} paid to ${resellerName}`)),
    }),
  );
  return (
    <>
      <Button variant="secondary" className="h-8" onClick={() => setOpen(true)}>
        Mark paid
      </Button>
      {open ? (
        <ConfirmDialog
          title="Mark paid"
          description={`Records a commission payout of ${amount} to ${resellerName} for invoices issued ${from} to ${to}.`}
          confirm={`Pay ${amount}`}
          keep="Cancel"
          onConfirm={() => markPaid.mutate({ id: resellerId, from, to, currency, amount: Number(outstanding), idempotencyKey })}
          onClose={() => setOpen(false)}
          pending={markPaid.isPending}
        />
      ) : null}
    </>
  );
}
