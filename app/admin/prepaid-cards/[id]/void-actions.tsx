'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '../../../_components/ui/button';
import { ConfirmDialog } from '../../../_components/ui/dialog';
import { useTRPC } from '../../../_lib/trpc';

/** Voids what is left of the batch after a confirmation naming how many cards that is. */
export function VoidBatch({ id, open }: { id: string; open: number }) {
  const [asking, setAsking] = useState(false);
  const router = useRouter();
  const trpc = useTRPC();
  const voidBatch = useMutation(
    trpc.vouchers.voidBatch.mutationOptions({
      onSuccess() {
        toast.success('Batch voided');
        setAsking(false);
        router.refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <>
      <Button variant="secondary" onClick={() => setAsking(true)}>
        Void batch
      </Button>
      {asking ? (
        <ConfirmDialog
          title="Void batch"
          description={`${open} unused card${open === 1 ? '' : 's'} will no longer be redeemable. Cards already redeemed keep their credit.`}
          confirm="Void batch"
          danger
          pending={voidBatch.isPending}
          onConfirm={() => voidBatch.mutate({ id })}
          onClose={() => setAsking(false)}
        />
      ) : null}
    </>
  );
}

/** Voids one unused card (lost, stolen or misprinted). */
export function VoidCard({ id, tail }: { id: string; tail: string }) {
  const [asking, setAsking] = useState(false);
  const router = useRouter();
  const trpc = useTRPC();
  const voidCard = useMutation(
    trpc.vouchers.voidCard.mutationOptions({
      onSuccess() {
        toast.success(`Card …${tail} voided`);
        setAsking(false);
        router.refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <>
      <Button variant="ghost" onClick={() => setAsking(true)}>
        Void
      </Button>
      {asking ? (
        <ConfirmDialog
          title={`Void card …${tail}`}
          description="The card will no longer be redeemable."
          confirm="Void card"
          danger
          pending={voidCard.isPending}
          onConfirm={() => voidCard.mutate({ id })}
          onClose={() => setAsking(false)}
        />
      ) : null}
    </>
  );
}
