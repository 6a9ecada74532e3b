'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import type { SecuritySettings } from '@/server/schemas/account';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { useTRPC } from '../../_lib/trpc';

/** Settings → Security: whether admins and staff must sign in with two factors. */
export function SecurityForm({ settings }: { settings: SecuritySettings }) {
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(
    trpc.account.updateSecurity.mutationOptions({
      onSuccess: () => {
        toast.success('Security settings saved');
        router.refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <Card className="p-6">
      <h2 className="font-semibold">Security</h2>
      <form
        aria-label="Security"
        className="mt-3 space-y-3 text-sm"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ require_two_factor: new FormData(event.currentTarget).get('require_two_factor') === 'on' });
        }}
      >
        <label className="flex items-start gap-2">
          <input type="checkbox" name="require_two_factor" defaultChecked={settings.require_two_factor} className="mt-0.5" />
          <span>
            Require two-factor sign-in for admins and staff
            <span className="block text-fg-muted">Anyone without it is sent to set it up before they can use the console; yourself included.</span>
          </span>
        </label>
        <Button type="submit" disabled={save.isPending}>
          Save
        </Button>
      </form>
    </Card>
  );
}
