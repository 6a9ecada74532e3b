'use client';

import { useMutation } from '@tanstack/react-query';
import { UserPlus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import type { Permission } from '@/server/auth/permissions';
import type { FieldErrors } from '@/server/errors';
import { Button } from '../../_components/ui/button';
import { Dialog, DialogActions } from '../../_components/ui/dialog';
import { TextField } from '../../_components/ui/field';
import { useTRPC } from '../../_lib/trpc';
import { showFieldErrors } from '../../_lib/form-errors';

function PermissionBoxes({ all, checked }: { all: Permission[]; checked: Permission[] }) {
  return (
    <fieldset className="grid grid-cols-2 gap-1 text-sm sm:grid-cols-3">
      <legend className="mb-1 text-sm font-medium">Permissions</legend>
      {all.map((p) => (
        <label key={p} className="flex items-center gap-2">
          <input type="checkbox" name="permissions" value={p} defaultChecked={checked.includes(p)} /> {p}
        </label>
      ))}
    </fieldset>
  );
}

const chosen = (form: FormData) => form.getAll('permissions').map(String) as Permission[];

/** Add a staff member with a starting password and exactly the permissions ticked. */
export function StaffActions({ all }: { all: Permission[] }) {
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(
    trpc.people.createStaff.mutationOptions({
      onSuccess: (member) => {
        toast.success(`${member.name} can now sign in`);
        setOpen(false);
        setErrors({});
        router.refresh();
      },
      onError: showFieldErrors(setErrors),
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ name: String(form.get('name') ?? ''), email: String(form.get('email') ?? ''), password: String(form.get('password') ?? ''), permissions: chosen(form) });
  }
  const field = (name: string, label: string, type = 'text') => <TextField name={name} label={label} error={errors[name]} type={type} />;
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <UserPlus className="size-4" aria-hidden /> Add staff member
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title="Add staff member" description="Share the starting password with them; they sign in with their e-mail.">
        <form onSubmit={submit} noValidate className="space-y-4">
          {field('name', 'Name')}
          {field('email', 'E-mail', 'email')}
          {field('password', 'Starting password', 'password')}
          <PermissionBoxes all={all} checked={['customers.view', 'invoices.view', 'orders.view']} />
          <DialogActions onCancel={() => setOpen(false)} pending={create.isPending} submit="Add" />
        </form>
      </Dialog>
    </>
  );
}

/** Change what one staff member may do. */
export function StaffPermissions({ member, all }: { member: { id: string; name: string; permissions: Permission[] }; all: Permission[] }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(
    trpc.people.setPermissions.mutationOptions({
      onSuccess: () => {
        toast.success(`Permissions of ${member.name} saved`);
        setOpen(false);
        router.refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)} aria-label={`Permissions of ${member.name}`}>
        Permissions
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={`Permissions of ${member.name}`}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({ id: member.id, permissions: chosen(new FormData(event.currentTarget)) });
          }}
          className="space-y-4"
        >
          <PermissionBoxes all={all} checked={member.permissions} />
          <DialogActions onCancel={() => setOpen(false)} pending={save.isPending} submit="Save" />
        </form>
      </Dialog>
    </>
  );
}

/** Stop (or restore) someone's sign-in; their open sessions and API keys stop at their next request. */
export function DisableUser({ member }: { member: { id: string; name: string; disabled: boolean } }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(
    trpc.people.setDisabled.mutationOptions({
      onSuccess: (result) => {
        toast.success(result.disabled ? `${member.name} can no longer sign in` : `${member.name} can sign in again`);
        setOpen(false);
        router.refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const verb = member.disabled ? 'Enable' : 'Disable';
  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)} aria-label={`${verb} ${member.name}`}>
        {verb}
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={`${verb} ${member.name}?`}
        description={
          member.disabled
            ? 'They can sign in again with their password, and their API keys work again.'
            : 'They are signed out at once, cannot sign in, and the API keys they made stop working.'
        }
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({ id: member.id, disabled: !member.disabled });
          }}
        >
          <DialogActions onCancel={() => setOpen(false)} pending={save.isPending} submit={verb} />
        </form>
      </Dialog>
    </>
  );
}
