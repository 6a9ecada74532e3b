'use client';

import { useMutation } from '@tanstack/react-query';
import { RotateCcw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '../../_components/ui/button';
import { ConfirmDialog } from '../../_components/ui/dialog';
import { useTRPC } from '../../_lib/trpc';

/** Runs a failed job again from its first unfinished step, once asked: the steps left act on real records. */
export function RetryJob({ id }: { id: string }) {
  const [confirming, setConfirming] = useState(false);
  const router = useRouter();
  const trpc = useTRPC();
  const retry = useMutation(
    trpc.automation.retry.mutationOptions({
      onSuccess: () => (setConfirming(false), toast.success('Retrying the job'), setTimeout(() => router.refresh(), 1500)),
      onError: (error) => (setConfirming(false), toast.error(error.message)),
    }),
  );
  return (
    <>
      <Button variant="ghost" className="ml-1 h-7 px-2 text-xs" disabled={retry.isPending} onClick={() => setConfirming(true)}>
        <RotateCcw className="size-3" aria-hidden /> Retry
      </Button>
      {confirming ? (
        <ConfirmDialog
          title="Retry this job?"
          description="It runs again from its first unfinished step; the steps that finished are not repeated."
          confirm="Retry job"
          keep="Not now"
          pending={retry.isPending}
          onClose={() => setConfirming(false)}
          onConfirm={() => retry.mutate({ id })}
        />
      ) : null}
    </>
  );
}
