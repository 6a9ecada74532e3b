'use client';

import { useMutation } from '@tanstack/react-query';
import { UserPlus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { permissions, type Permission } from '@/server/auth/permissions';
import { permissionGroups, permissionTexts } from '@/server/labels';
import { Button } from '../../_components/ui/button';
import { Dialog, DialogActions } from '../../_components/ui/dialog';
import { Form, FormSelect, FormText, setFieldErrors, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';
import { toastError, useFinish } from '../../_lib/use-finish';

/** The permissions by group, one box each with what it allows; the form's `permissions` is the list of those ticked. */
function PermissionBoxes({ all }: { all: Permission[] }) {
  const { register } = useFormContext();
  return (
    <fieldset className="space-y-3 text-sm">
      <legend className="mb-1 text-sm font-medium">Permissions</legend>
      {permissionGroups.map((group) => (
        <fieldset key={group.name}>
          <legend className="mb-1 text-xs font-semibold tracking-wide text-fg-muted uppercase">{group.name}</legend>
          <div className="grid gap-x-4 gap-y-1.5 sm:grid-cols-2">
            {group.permissions
              .filter((p) => all.includes(p))
              .map((p) => (
                <div key={p} className="flex items-start gap-2">
                  <input
                    id={`permission-${p}`}
                    type="checkbox"
                    value={p}
                    className="mt-1"
                    aria-describedby={`permission-${p}-hint`}
                    {...register('permissions')}
                  />
                  <div>
                    <label htmlFor={`permission-${p}`}>{permissionTexts[p].label}</label>
                    <p id={`permission-${p}-hint`} className="text-xs text-fg-muted">
                      {permissionTexts[p].description}
                    </p>
                  </div>
                </div>
              ))}
          </div>
        </fieldset>
      ))}
    </fieldset>
  );
}

const permissionsForm = z.object({ permissions: z.array(z.enum(permissions)) });
// The server checks name, e-mail and password; its answers land under the fields.
const staffForm = permissionsForm.extend({ name: z.string(), email: z.string(), password: z.string(), role: z.enum(['staff', 'collector']) });

/** A collector's permissions are its role's (payments.collect on its customers): no boxes to tick. */
function RolePermissions({ all }: { all: Permission[] }) {
  const role = useWatch({ name: 'role' });
  if (role === 'collector') {
    return (
      <p className="text-sm text-fg-muted">
        A cash collector only records cash for the customers you assign to it (on each customer’s page), on the Collect page.
      </p>
    );
  }
  return <PermissionBoxes all={all} />;
}

/** Add a staff member with a starting password and exactly the permissions ticked. */
export function StaffActions({ all }: { all: Permission[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <UserPlus className="size-4" aria-hidden /> Add staff member
      </Button>
      {open ? <AddStaffDialog all={all} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function AddStaffDialog({ all, onClose }: { all: Permission[]; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const form = useZodForm(staffForm, { name: '', email: '', password: '', role: 'staff', permissions: ['customers.view', 'invoices.view', 'orders.view'] });
  const create = useMutation(
    trpc.people.createStaff.mutationOptions({
      onSuccess: (member) => finish(`${member.name} can now sign in`),
      onError: showFieldErrors(setFieldErrors(form)),
    }),
  );
  return (
    <Dialog
      open
      onOpenChange={(o) => o || onClose()}
      title="Add staff member"
      description="Share the starting password with them; they sign in with their e-mail."
    >
      <Form form={form} className="space-y-4" onSubmit={(v) => create.mutate(v)}>
        <FormText name="name" label="Name" />
        <FormText name="email" label="E-mail" type="email" />
        <FormText name="password" label="Starting password" type="password" />
        <FormSelect name="role" label="Role">
          <option value="staff">Staff</option>
          <option value="collector">Cash collector</option>
        </FormSelect>
        <RolePermissions all={all} />
        <DialogActions onCancel={onClose} pending={create.isPending} submit="Add" />
      </Form>
    </Dialog>
  );
}

/** Change what one staff member may do. */
export function StaffPermissions({ member, all }: { member: { id: string; name: string; permissions: Permission[] }; all: Permission[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)} aria-label={`Permissions of ${member.name}`}>
        Permissions
      </Button>
      {open ? <PermissionsDialog member={member} all={all} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function PermissionsDialog({
  member,
  all,
  onClose,
}: {
  member: { id: string; name: string; permissions: Permission[] };
  all: Permission[];
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const form = useZodForm(permissionsForm, { permissions: member.permissions });
  const save = useMutation(trpc.people.setPermissions.mutationOptions({ onSuccess: () => finish(`Permissions of ${member.name} saved`), onError: toastError }));
  return (
    <Dialog open onOpenChange={(o) => o || onClose()} title={`Permissions of ${member.name}`}>
      <Form form={form} className="space-y-4" onSubmit={(v) => save.mutate({ id: member.id, permissions: v.permissions })}>
        <PermissionBoxes all={all} />
        <DialogActions onCancel={onClose} pending={save.isPending} submit="Save" />
      </Form>
    </Dialog>
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
      onError: toastError,
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
