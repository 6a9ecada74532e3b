'use client';

import { useMutation } from '@tanstack/react-query';
import { paymentMethods } from '@/server/schemas/invoices';
import { orderPaymentMethodInput } from '@/server/schemas/orders';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormSelect, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { humanize } from '../../../../_lib/format';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';
import type { ActionOrder } from '../order-actions';

const methodForm = orderPaymentMethodInput.omit({ id: true });

export function PaymentMethodDialog({ order, onClose }: { order: ActionOrder; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const form = useZodForm(methodForm, { payment_method: (order.paymentMethod ?? 'bank_transfer') as (typeof paymentMethods)[number] });
  const method = useMutation(
    trpc.orders.changePaymentMethod.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      onSuccess: (o) => finish(`Payment method is now ${humanize(o.paymentMethod ?? '')}`),
    }),
  );
  return (
    <Dialog open onOpenChange={(o) => o || onClose()} title="Change payment method" description="How the customer will pay this order’s invoices.">
      <Form form={form} className="grid gap-4" onSubmit={(v) => method.mutate({ id: order.id, payment_method: v.payment_method })}>
        <FormSelect name="payment_method" label="Payment method">
          {paymentMethods.map((m) => (
            <option key={m} value={m}>
              {humanize(m)}
            </option>
          ))}
        </FormSelect>
        <DialogActions onCancel={onClose} pending={method.isPending} submit="Change method" />
      </Form>
    </Dialog>
  );
}
