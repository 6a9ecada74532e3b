'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { paymentMethodLabels } from '@/server/labels';
import type { PaymentMethod } from '@/server/schemas/invoices';
import { orderPaymentMethodInput } from '@/server/schemas/orders';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormSelect, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';
import type { ActionOrder } from '../order-actions';

const methodForm = orderPaymentMethodInput.omit({ id: true });

/** The gateways set up in Settings → Payments, the desk's manual methods, and credit when it is on. */
export function PaymentMethodDialog({ order, onClose }: { order: ActionOrder; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const choices = useQuery(trpc.orders.paymentMethodChoices.queryOptions());
  const form = useZodForm(methodForm, { payment_method: (order.paymentMethod ?? 'bank_transfer') as PaymentMethod });
  const method = useMutation(
    trpc.orders.changePaymentMethod.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      onSuccess: (o) => finish(`Payment method is now ${o.paymentMethod ? paymentMethodLabels[o.paymentMethod as PaymentMethod] : 'not chosen'}`),
    }),
  );
  return (
    <Dialog open onOpenChange={(o) => o || onClose()} title="Change payment method" description="How the customer will pay this order’s invoices.">
      {choices.data ? (
        <Form form={form} className="grid gap-4" onSubmit={(v) => method.mutate({ id: order.id, payment_method: v.payment_method })}>
          <FormSelect name="payment_method" label="Payment method">
            {choices.data.map((m) => (
              <option key={m} value={m}>
                {paymentMethodLabels[m]}
              </option>
            ))}
          </FormSelect>
          <DialogActions onCancel={onClose} pending={method.isPending} submit="Change method" />
        </Form>
      ) : (
        <p className="text-sm text-fg-muted">{choices.error ? choices.error.message : 'Loading the payment methods…'}</p>
      )}
    </Dialog>
  );
}
