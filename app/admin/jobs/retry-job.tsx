'use client';

import { useMutation } from '@tanstack/react-query';
import { RotateCcw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Button } from '../../_components/ui/button';
import { useTRPC } from '../../_lib/trpc';

/** Runs a failed job again from its first unfinished step. */
export function RetryJob({ id }: { id: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const retry = useMutation(
    trpc.automation.retry.mutationOptions({
      onSuccess: () => (toast.success('Retrying the job'), setTimeout(() => router.refresh(), 1500)),
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <Button variant="ghost" className="ml-1 h-7 px-2 text-xs" disabled={retry.isPending} onClick={() => retry.mutate({ id })}>
      <RotateCcw className="size-3" aria-hidden /> Retry
    </Button>
  );
}
