'use client';

import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormError, FormSelect, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';

export type ResellerChoice = { id: string; name: string; active: boolean };

// "" is the direct choice; the server's schema checks the id itself.
const resellerForm = z.object({ reseller_id: z.string() });

/** Assign, change or clear the customer's reseller; the server refuses a disabled or unknown one under the field. */
export function AssignResellerDialog({
  customerId,
  current,
  resellers,
  onClose,
}: {
  customerId: string;
  current: ResellerChoice | null;
  resellers: ResellerChoice[];
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const form = useZodForm(resellerForm, { reseller_id: current?.id ?? '' });
  const update = useMutation(
    trpc.customers.update.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      onSuccess: (customer) => {
        const reseller = resellers.find((r) => r.id === customer.resellerId);
        finish(reseller ? `Customer assigned to ${reseller.name}` : 'Customer is now a direct customer');
      },
    }),
  );
  // A disabled reseller takes no new customers, but the one the customer has stays visible as chosen.
  const choices = resellers.filter((r) => r.active || r.id === current?.id);
  const title = current ? 'Change reseller' : 'Assign reseller';
  return (
    <Dialog open onOpenChange={(o) => o || onClose()} title={title} description="The customer, its invoices and orders move to that reseller’s book.">
      <Form form={form} className="space-y-4" onSubmit={(v) => update.mutate({ id: customerId, reseller_id: v.reseller_id || null })}>
        <FormSelect name="reseller_id" label="Reseller" autoFocus>
          <option value="">No reseller (direct)</option>
          {choices.map((r) => (
            <option key={r.id} value={r.id} disabled={!r.active}>
              {r.active ? r.name : `${r.name} (disabled)`}
            </option>
          ))}
        </FormSelect>
        <FormError />
        <DialogActions onCancel={onClose} pending={update.isPending} submit="Save" />
      </Form>
    </Dialog>
  );
}
