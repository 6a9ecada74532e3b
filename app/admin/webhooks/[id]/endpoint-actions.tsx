'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '../../../_components/ui/button';
import { ConfirmDialog, Dialog } from '../../../_components/ui/dialog';
import { useTRPC } from '../../../_lib/trpc';
import { SecretNotice } from '../secret-notice';

type Question = 'rotate' | 'remove' | null;

/** The endpoint's actions: a test event, a new secret, pause or resume, remove. */
export function EndpointActions({ id, active }: { id: string; active: boolean }) {
  const [asking, setAsking] = useState<Question>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const router = useRouter();
  const trpc = useTRPC();
  const failed = (error: { message: string }) => toast.error(error.message);
  const sendTest = useMutation(
    trpc.webhooks.sendTest.mutationOptions({
      onSuccess() {
        toast.success('Test event queued: it appears under Deliveries');
        router.refresh();
      },
      onError: failed,
    }),
  );
  const update = useMutation(
    trpc.webhooks.update.mutationOptions({
      onSuccess(endpoint) {
        toast.success(endpoint.active ? 'Deliveries resumed' : 'Deliveries paused');
        router.refresh();
      },
      onError: failed,
    }),
  );
  const rotate = useMutation(
    trpc.webhooks.rotateSecret.mutationOptions({
      onSuccess(endpoint) {
        setAsking(null);
        setSecret(endpoint.secret);
        router.refresh();
      },
      onError: failed,
    }),
  );
  const remove = useMutation(
    trpc.webhooks.remove.mutationOptions({
      onSuccess() {
        toast.success('Endpoint removed');
        router.push('/admin/webhooks');
      },
      onError: failed,
    }),
  );
  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="secondary" disabled={sendTest.isPending} onClick={() => sendTest.mutate({ id })}>
        Send test event
      </Button>
      <Button variant="secondary" disabled={update.isPending} onClick={() => update.mutate({ id, active: !active })}>
        {active ? 'Pause' : 'Resume'}
      </Button>
      <Button variant="secondary" onClick={() => setAsking('rotate')}>
        Rotate secret
      </Button>
      <Button variant="secondary" onClick={() => setAsking('remove')}>
        Remove
      </Button>
      {asking === 'rotate' ? (
        <ConfirmDialog
          title="Rotate signing secret"
          description="A new secret signs every delivery from now on. The current one keeps signing beside it for 24 hours, so the receiver can switch without refusing anything."
          confirm="Rotate secret"
          keep="Cancel"
          pending={rotate.isPending}
          onConfirm={() => rotate.mutate({ id })}
          onClose={() => setAsking(null)}
        />
      ) : null}
      {asking === 'remove' ? (
        <ConfirmDialog
          title="Remove endpoint"
          description="Events stop going to this URL, and deliveries still waiting are dropped."
          confirm="Remove endpoint"
          keep="Cancel"
          danger
          pending={remove.isPending}
          onConfirm={() => remove.mutate({ id })}
          onClose={() => setAsking(null)}
        />
      ) : null}
      <Dialog open={secret !== null} onOpenChange={(open) => (open ? undefined : setSecret(null))} title="New signing secret">
        {secret ? (
          <div className="space-y-4">
            <SecretNotice secret={secret} />
            <div className="flex justify-end">
              <Button onClick={() => setSecret(null)}>Done</Button>
            </div>
          </div>
        ) : null}
      </Dialog>
    </div>
  );
}

/** Sends one delivery again now, with the same webhook-id. */
export function RetryDelivery({ id, deliveryId }: { id: string; deliveryId: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const retry = useMutation(
    trpc.webhooks.retry.mutationOptions({
      onSuccess() {
        toast.success('Delivery queued again');
        router.refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <Button variant="ghost" disabled={retry.isPending} onClick={() => retry.mutate({ id, delivery_id: deliveryId })}>
      Retry
    </Button>
  );
}
