'use client';

import { useMutation } from '@tanstack/react-query';
import { KeyRound } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { z } from 'zod';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { Dialog, DialogActions } from '../../_components/ui/dialog';
import { Form, FormSelect, FormText, useZodForm } from '../../_components/ui/form';
import { useTRPC } from '../../_lib/trpc';
import { toastError } from '../../_lib/use-finish';

const keyForm = z.object({ name: z.string().trim().min(1, 'is required'), role: z.enum(['admin', 'staff']) });

type Key = { id: string; name: string; prefix: string; role: string; createdAt: string; revokedAt: string | null };

/** API keys: created with their secret shown once, listed by prefix, revoked at once. */
export function ApiKeys({ keys }: { keys: Key[] }) {
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<Key | null>(null);
  const router = useRouter();
  const trpc = useTRPC();
  const form = useZodForm(keyForm, { name: '', role: 'staff' });
  const create = useMutation(
    trpc.settings.createApiKey.mutationOptions({
      onSuccess: (key) => {
        setCreating(false);
        form.reset();
        setSecret(key.key);
        router.refresh();
      },
      // The name is the only thing typed, so whatever the server refuses is shown there.
      onError: (error) => form.setError('name', { message: error.data?.fields?.name ?? error.message }),
    }),
  );
  const revoke = useMutation(
    trpc.settings.revokeApiKey.mutationOptions({
      onSuccess: () => {
        toast.success('Key revoked; it no longer opens the API');
        setRevoking(null);
        router.refresh();
      },
      onError: toastError,
    }),
  );

  return (
    <Card className="p-6">
      <div className="mb-4 flex items-center justify-between">
        <h2 className="text-lg font-semibold">API keys</h2>
        <Button onClick={() => setCreating(true)}>
          <KeyRound className="size-4" aria-hidden /> Create API key
        </Button>
      </div>
      <div role="region" aria-label="API keys list" tabIndex={0} className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="API keys">
          <tbody className="divide-y divide-border">
            {keys.map((key) => (
              <tr key={key.id}>
                <td className="py-2 font-medium">{key.name}</td>
                <td className="py-2 font-mono text-xs">{key.prefix}…</td>
                <td className="py-2">{key.role}</td>
                <td className="py-2 text-fg-muted">{key.revokedAt ? 'revoked' : 'active'}</td>
                <td className="py-2 text-right">
                  {key.revokedAt ? null : (
                    <Button variant="ghost" onClick={() => setRevoking(key)}>
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
            {keys.length === 0 ? (
              <tr>
                <td className="py-3 text-fg-muted">No key yet.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>

      <Dialog open={creating} onOpenChange={setCreating} title="Create API key">
        <Form form={form} onSubmit={(v) => create.mutate(v)} className="space-y-4">
          <FormText name="name" label="Name" placeholder="e.g. Provisioning bot" autoFocus />
          <FormSelect name="role" label="Acts as">
            <option value="staff">staff (desk permissions)</option>
            <option value="admin">admin (everything)</option>
          </FormSelect>
          <DialogActions onCancel={() => setCreating(false)} pending={create.isPending} submit="Create" />
        </Form>
      </Dialog>

      <Dialog
        open={secret !== null}
        onOpenChange={(open) => (open ? undefined : setSecret(null))}
        title="Your new API key"
        description="Copy it now: it is shown once and never stored."
      >
        <code className="block rounded-md bg-muted p-3 font-mono text-sm break-all" data-testid="new-api-key">
          {secret}
        </code>
        <div className="mt-4 flex justify-end gap-2">
          <Button
            variant="secondary"
            onClick={async () => {
              await navigator.clipboard.writeText(secret ?? '');
              toast.success('Key copied');
            }}
          >
            Copy
          </Button>
          <Button onClick={() => setSecret(null)}>Done</Button>
        </div>
      </Dialog>

      <Dialog
        open={revoking !== null}
        onOpenChange={(open) => (open ? undefined : setRevoking(null))}
        title={`Revoke ${revoking?.name ?? ''}`}
        description="Programs using it will get 401 from their next request."
      >
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setRevoking(null)}>
            Keep it
          </Button>
          <Button className="bg-danger text-white" onClick={() => revoking && revoke.mutate({ id: revoking.id })} disabled={revoke.isPending}>
            Revoke
          </Button>
        </div>
      </Dialog>
    </Card>
  );
}
