'use client';

import { useMutation } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { z } from 'zod';
import { defaultResellerFlags } from '@/server/auth/permissions';
import { createResellerInput } from '@/server/schemas/resellers';
import { showFieldErrors } from '../../_lib/form-errors';
import { checkedBy } from '../../_lib/form-schemas';
import { useTRPC } from '../../_lib/trpc';
import { useFinish } from '../../_lib/use-finish';
import { Button } from '../ui/button';
import { Dialog, DialogActions } from '../ui/dialog';
import { Form, FormError, FormText, setFieldErrors, useZodForm } from '../ui/form';
import { ResellerFields, resellerFields, type ResellerChoices } from './reseller-fields';

const createForm = resellerFields.extend({ name: z.string(), email: z.string(), password: z.string() }).superRefine(checkedBy(createResellerInput));

type Props = {
  choices: ResellerChoices;
  /** "reseller" at the desk, "sub-reseller" in a reseller's console: the button, title and toast say it. */
  noun: 'reseller' | 'sub-reseller';
  /** The parent picked at first: none at the desk, the reseller itself in its console. */
  defaultParent?: string | undefined;
};

/** New reseller: with a starting password, or (left empty) invited by e-mail to set its own. */
export function CreateReseller(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden />
        New {props.noun}
      </Button>
      {open ? <CreateResellerDialog {...props} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function CreateResellerDialog({ choices, noun, defaultParent, onClose }: Props & { onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const form = useZodForm(createForm, {
    name: '',
    email: '',
    password: '',
    commission_percent: '',
    parent_id: defaultParent ?? '',
    permissions: defaultResellerFlags.filter((flag) => choices.flags.includes(flag)),
    see_parent_customers: false,
    may_create_sub_resellers: false,
    currency: '',
  });
  const create = useMutation(
    trpc.resellers.create.mutationOptions({
      onSuccess: (reseller) => finish(`${noun === 'reseller' ? 'Reseller' : 'Sub-reseller'} ${reseller.name} created`),
      onError: showFieldErrors(setFieldErrors(form)),
    }),
  );
  return (
    <Dialog open onOpenChange={(o) => o || onClose()} title={`New ${noun}`} description="No password: they are e-mailed a link to set one.">
      <Form form={form} className="space-y-4" onSubmit={(v) => create.mutate(v)}>
        {/* Scrolls on short screens so the buttons below stay in reach. */}
        <div className="max-h-[60vh] space-y-4 overflow-y-auto">
          <div className="grid gap-4 sm:grid-cols-2">
            <FormText name="name" label="Name" autoFocus />
            <FormText name="email" label="E-mail" type="email" />
          </div>
          <FormText name="password" label="Starting password (optional)" type="password" autoComplete="new-password" />
          <ResellerFields choices={choices} />
        </div>
        <FormError />
        <DialogActions onCancel={onClose} pending={create.isPending} submit={create.isPending ? 'Creating…' : `Create ${noun}`} />
      </Form>
    </Dialog>
  );
}
