'use client';

import { useMutation } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { z } from 'zod';
import { defaultResellerFlags } from '@/server/auth/permissions';
import { createResellerInput } from '@/server/schemas/resellers';
import { Button } from '../../_components/ui/button';
import { Dialog, DialogActions } from '../../_components/ui/dialog';
import { Form, FormError, FormText, setFieldErrors, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { checkedBy } from '../../_lib/form-schemas';
import { useTRPC } from '../../_lib/trpc';
import { useFinish } from '../../_lib/use-finish';
import { ResellerFields, resellerFields, type ParentOption } from './reseller-fields';

const createForm = resellerFields.extend({ name: z.string(), email: z.string(), password: z.string() }).superRefine(checkedBy(createResellerInput));

/** New reseller: with a starting password, or (left empty) invited by e-mail to set its own. */
export function CreateReseller({ parents }: { parents: ParentOption[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden />
        New reseller
      </Button>
      {open ? <CreateResellerDialog parents={parents} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function CreateResellerDialog({ parents, onClose }: { parents: ParentOption[]; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const form = useZodForm(createForm, {
    name: '',
    email: '',
    password: '',
    commission_percent: '',
    parent_id: '',
    permissions: [...defaultResellerFlags],
    see_parent_customers: false,
    may_create_sub_resellers: false,
    currency: '',
  });
  const create = useMutation(
    trpc.resellers.create.mutationOptions({
      onSuccess: (reseller) => finish(`Reseller ${reseller.name} created`),
      onError: showFieldErrors(setFieldErrors(form)),
    }),
  );
  return (
    <Dialog open onOpenChange={(o) => o || onClose()} title="New reseller" description="No password: they are e-mailed a link to set one.">
      <Form form={form} className="space-y-4" onSubmit={(v) => create.mutate(v)}>
        {/* Scrolls on short screens so the buttons below stay in reach. */}
        <div className="max-h-[60vh] space-y-4 overflow-y-auto">
          <div className="grid gap-4 sm:grid-cols-2">
            <FormText name="name" label="Name" autoFocus />
            <FormText name="email" label="E-mail" type="email" />
          </div>
          <FormText name="password" label="Starting password (optional)" type="password" autoComplete="new-password" />
          <ResellerFields parents={parents} />
        </div>
        <FormError />
        <DialogActions onCancel={onClose} pending={create.isPending} submit={create.isPending ? 'Creating…' : 'Create reseller'} />
      </Form>
    </Dialog>
  );
}
