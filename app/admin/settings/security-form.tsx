'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { securitySettings, type SecuritySettings } from '@/server/schemas/account';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { Form, useField, useZodForm } from '../../_components/ui/form';
import { useTRPC } from '../../_lib/trpc';
import { toastError } from '../../_lib/use-finish';

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
      onError: toastError,
    }),
  );
  const form = useZodForm(securitySettings, { require_two_factor: settings.require_two_factor });
  return (
    <Card className="p-6">
      <h2 className="font-semibold">Security</h2>
      <Form form={form} aria-label="Security" className="mt-3 space-y-3 text-sm" onSubmit={(v) => save.mutate(v)}>
        <label className="flex items-start gap-2">
          <SecurityCheckbox />
          <span>
            Require two-factor sign-in for admins and staff
            <span className="block text-fg-muted">Anyone without it is sent to set it up before they can use the console; yourself included.</span>
          </span>
        </label>
        <Button type="submit" disabled={save.isPending}>
          Save
        </Button>
      </Form>
    </Card>
  );
}

function SecurityCheckbox() {
  const { initial, ...field } = useField('require_two_factor');
  return <input type="checkbox" defaultChecked={Boolean(initial)} className="mt-0.5" {...field} />;
}
