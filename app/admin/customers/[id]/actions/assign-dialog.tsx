'use client';

import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormError, FormSelect, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';

/** Someone a customer can be given to: a reseller (its book) or a cash collector (its round). */
export type AssigneeChoice = { id: string; name: string; active: boolean };
export type AssigneeKind = 'reseller' | 'collector';

/** What each kind of assignment says, and the customer field it sets. */
export const assigneeTexts = {
  reseller: {
    field: 'reseller_id',
    label: 'Reseller',
    none: 'None (direct customer)',
    noneChoice: 'No reseller (direct)',
    assign: 'Assign reseller',
    change: 'Change reseller',
    description: 'The customer, its invoices and orders move to that reseller’s book.',
    assigned: (name: string) => `Customer assigned to ${name}`,
    cleared: 'Customer is now a direct customer',
  },
  collector: {
    field: 'collector_id',
    label: 'Cash collector',
    none: 'None',
    noneChoice: 'No collector',
    assign: 'Assign collector',
    change: 'Change collector',
    description: 'The collector sees this customer and its open invoices on the Collect page, and records cash for them.',
    assigned: (name: string) => `${name} now collects from this customer`,
    cleared: 'No collector collects from this customer',
  },
} as const;

// "" is the none choice; the server's schema checks the id itself (its field errors land under `assignee`).
const assigneeForm = z.object({ assignee: z.string() });

/** Assign, change or clear the customer's reseller or collector; the server refuses a disabled or unknown one. */
export function AssignDialog({
  kind,
  customerId,
  current,
  choices: all,
  onClose,
}: {
  kind: AssigneeKind;
  customerId: string;
  current: AssigneeChoice | null;
  choices: AssigneeChoice[];
  onClose: () => void;
}) {
  const texts = assigneeTexts[kind];
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const form = useZodForm(assigneeForm, { assignee: current?.id ?? '' });
  const update = useMutation(
    trpc.customers.update.mutationOptions({
      onError: showFieldErrors((fields) => setFieldErrors(form)({ assignee: fields[texts.field] ?? Object.values(fields)[0] ?? '' })),
      onSuccess: (customer) => {
        const chosen = all.find((c) => c.id === (kind === 'reseller' ? customer.resellerId : customer.collectorId));
        finish(chosen ? texts.assigned(chosen.name) : texts.cleared);
      },
    }),
  );
  // A disabled one takes no new customers, but the one the customer has stays visible as chosen.
  const choices = all.filter((c) => c.active || c.id === current?.id);
  const title = current ? texts.change : texts.assign;
  return (
    <Dialog open onOpenChange={(o) => o || onClose()} title={title} description={texts.description}>
      <Form form={form} className="space-y-4" onSubmit={(v) => update.mutate({ id: customerId, [texts.field]: v.assignee || null })}>
        <FormSelect name="assignee" label={texts.label} autoFocus>
          <option value="">{texts.noneChoice}</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id} disabled={!c.active}>
              {c.active ? c.name : `${c.name} (disabled)`}
            </option>
          ))}
        </FormSelect>
        <FormError />
        <DialogActions onCancel={onClose} pending={update.isPending} submit="Save" />
      </Form>
    </Dialog>
  );
}
