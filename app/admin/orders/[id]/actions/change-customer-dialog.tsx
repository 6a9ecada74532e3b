'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { changeOrderCustomerInput } from '@/server/schemas/orders';
import type { CustomerProfile } from '@/server/services/orders/change-customer';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormError, FormSelect, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';

const customerForm = changeOrderCustomerInput.omit({ id: true });

/**
 * Change customer (Billia's profile switch): the person's other active profiles in the order's
 * currency — customers sharing an e-mail address with this one, their own or a contact's.
 */
export function ChangeCustomerDialog({ order, onClose }: { order: { id: string; currency: string }; onClose: () => void }) {
  const trpc = useTRPC();
  const choices = useQuery(trpc.orders.customerChoices.queryOptions({ id: order.id }));
  return (
    <Dialog
      open
      onOpenChange={(o) => o || onClose()}
      title="Change customer"
      description="The order, its services and its unpaid invoices move to the profile chosen; paid, refunded and cancelled invoices stay with the current customer."
    >
      {choices.data && choices.data.length > 0 ? (
        <ChooseProfile orderId={order.id} profiles={choices.data} onClose={onClose} />
      ) : (
        <p className="text-sm text-fg-muted">
          {choices.error
            ? choices.error.message
            : choices.data
              ? `No other active profile of this person in ${order.currency}. A profile of the same person is another customer sharing an e-mail address with this one (its own or a contact’s).`
              : 'Loading the customer’s other profiles…'}
        </p>
      )}
    </Dialog>
  );
}

function ChooseProfile({ orderId, profiles, onClose }: { orderId: string; profiles: CustomerProfile[]; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const form = useZodForm(customerForm, { customer_id: profiles[0]!.id });
  const change = useMutation(
    trpc.orders.changeCustomer.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      onSuccess: (o) => finish(`Order moved to ${profiles.find((p) => p.id === o.customerId)?.name ?? 'the other profile'}`),
    }),
  );
  return (
    <Form form={form} className="grid gap-4" onSubmit={(v) => change.mutate({ id: orderId, customer_id: v.customer_id })}>
      <FormSelect name="customer_id" label="Customer profile">
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {[p.name, p.company, p.email].filter(Boolean).join(' · ')}
          </option>
        ))}
      </FormSelect>
      <FormError />
      <DialogActions onCancel={onClose} pending={change.isPending} submit="Change customer" />
    </Form>
  );
}
