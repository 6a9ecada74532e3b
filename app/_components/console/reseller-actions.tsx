'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import type { ResellerFlag } from '@/server/auth/permissions';
import { issueResellerKeyInput, updateResellerInput } from '@/server/schemas/resellers';
import { showFieldErrors } from '../../_lib/form-errors';
import { checkedBy } from '../../_lib/form-schemas';
import { useTRPC } from '../../_lib/trpc';
import { toastError, useFinish } from '../../_lib/use-finish';
import { Button } from '../ui/button';
import { ConfirmDialog, Dialog, DialogActions } from '../ui/dialog';
import { Form, FormError, FormText, setFieldErrors, useZodForm } from '../ui/form';
import { ResellerFields, resellerFields, type ResellerChoices } from './reseller-fields';

const issueKeyForm = issueResellerKeyInput;

export type EditableReseller = {
  id: string;
  name: string;
  commissionPercent: string;
  parentId: string | null;
  permissions: ResellerFlag[];
  seeParentCustomers: boolean;
  mayCreateSubResellers: boolean;
  currency: string | null;
  active: boolean;
};

// An empty parent means the top of the tree, an empty currency the settings' one.
const editForm = resellerFields
  .transform((v) => ({ ...v, parent_id: v.parent_id || null, currency: v.currency.trim() || null }))
  .superRefine(checkedBy(updateResellerInput));

/** Edit commission, parent, flags and see-parent / sub-reseller permissions, within the choices the console offers. */
export function EditReseller({ reseller, choices }: { reseller: EditableReseller; choices: ResellerChoices }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Edit
      </Button>
      {open ? <EditResellerDialog reseller={reseller} choices={choices} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

const sameFlags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((flag) => b.includes(flag));

function EditResellerDialog({ reseller, choices, onClose }: { reseller: EditableReseller; choices: ResellerChoices; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  // Only the flags offered can be ticked (a reseller hands down what it holds), and the flags are
  // sent only when changed: saving a commission keeps a flag the admin gave that the form hides.
  const flags = reseller.permissions.filter((flag) => choices.flags.includes(flag));
  const form = useZodForm(editForm, {
    commission_percent: reseller.commissionPercent,
    parent_id: reseller.parentId ?? '',
    permissions: flags,
    see_parent_customers: reseller.seeParentCustomers,
    may_create_sub_resellers: reseller.mayCreateSubResellers,
    currency: reseller.currency ?? '',
  });
  const save = useMutation(
    trpc.resellers.update.mutationOptions({ onSuccess: () => finish(`${reseller.name} saved`), onError: showFieldErrors(setFieldErrors(form)) }),
  );
  return (
    <Dialog open onOpenChange={(o) => o || onClose()} title={`Edit ${reseller.name}`}>
      <Form
        form={form}
        className="space-y-4"
        onSubmit={({ permissions, ...v }) => save.mutate({ ...v, ...(sameFlags(permissions, flags) ? {} : { permissions }), id: reseller.id })}
      >
        <ResellerFields choices={{ ...choices, parents: choices.parents.filter((p) => p.id !== reseller.id) }} />
        <FormError />
        <DialogActions onCancel={onClose} pending={save.isPending} submit="Save" />
      </Form>
    </Dialog>
  );
}

/** Disabling signs the reseller out at once and stops its API keys; enabling restores both. */
export function ToggleReseller({ reseller }: { reseller: Pick<EditableReseller, 'id' | 'name' | 'active'> }) {
  const [open, setOpen] = useState(false);
  const trpc = useTRPC();
  const finish = useFinish(() => setOpen(false));
  const save = useMutation(
    trpc.resellers.update.mutationOptions({
      onSuccess: (r) => finish(r.active ? `${r.name} can sign in again` : `${r.name} can no longer sign in`),
      onError: toastError,
    }),
  );
  const verb = reseller.active ? 'Disable' : 'Enable';
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {verb}
      </Button>
      {open ? (
        <ConfirmDialog
          title={`${verb} ${reseller.name}?`}
          description={
            reseller.active
              ? 'They are signed out at once, cannot sign in, and their API keys stop working.'
              : 'They can sign in again with their password, and their API keys work again.'
          }
          confirm={verb}
          keep="Cancel"
          danger={reseller.active}
          pending={save.isPending}
          onConfirm={() => save.mutate({ id: reseller.id, active: !reseller.active })}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

/** A new key that acts as this reseller; its secret is shown here once. */
export function IssueResellerKey({ resellerId }: { resellerId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Issue API key
      </Button>
      {open ? <IssueKeyDialog resellerId={resellerId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function IssueKeyDialog({ resellerId, onClose }: { resellerId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useZodForm(issueKeyForm, { name: '' });
  const finish = useFinish(onClose);
  const issue = useMutation(
    trpc.resellers.issueApiKey.mutationOptions({
      onSuccess: (key) => {
        setSecret(key.key);
        toast.success(`Key ${key.name} issued`);
      },
      onError: showFieldErrors(setFieldErrors(form)),
    }),
  );
  if (secret) {
    return (
      <Dialog open onOpenChange={(o) => o || finish('Key saved')} title="Copy the key now" description="It is shown only this once; it is not stored.">
        <code className="block rounded-md bg-muted p-3 font-mono text-sm break-all" data-testid="issued-key">
          {secret}
        </code>
        <div className="mt-4 flex justify-end">
          <Button onClick={() => finish('Key saved')}>Done</Button>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog open onOpenChange={(o) => o || onClose()} title="Issue an API key" description="The key acts as this reseller: its book and its permissions.">
      <Form form={form} className="space-y-4" onSubmit={(v) => issue.mutate({ ...v, id: resellerId })}>
        <FormText name="name" label="Name" autoFocus />
        <DialogActions onCancel={onClose} pending={issue.isPending} submit="Issue" />
      </Form>
    </Dialog>
  );
}

/** Revokes a key at once: its next request is a 401. */
export function RevokeResellerKey({ resellerId, apiKey }: { resellerId: string; apiKey: { id: string; name: string } }) {
  const [open, setOpen] = useState(false);
  const trpc = useTRPC();
  const finish = useFinish(() => setOpen(false));
  const revoke = useMutation(trpc.resellers.revokeApiKey.mutationOptions({ onSuccess: () => finish(`Key ${apiKey.name} revoked`), onError: toastError }));
  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)} aria-label={`Revoke ${apiKey.name}`}>
        Revoke
      </Button>
      {open ? (
        <ConfirmDialog
          title={`Revoke ${apiKey.name}?`}
          description="Programs using it are refused from their next request."
          confirm="Revoke"
          danger
          pending={revoke.isPending}
          onConfirm={() => revoke.mutate({ id: resellerId, key_id: apiKey.id })}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
