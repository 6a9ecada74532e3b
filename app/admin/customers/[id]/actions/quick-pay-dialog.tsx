'use client';

import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { useMoney } from '../../../../_components/money';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormSelect, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { useIdempotencyKey } from '../../../../_lib/idempotency-key';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';
import type { ActionCustomer } from '../customer-actions';

const quickPayForm = z.object({ method: z.enum(['bank_transfer', 'cash', 'card', 'credit']) });

/** Pays every open invoice in the customer's currency, oldest first. */
export function QuickPayDialog({ customer, onClose }: { customer: ActionCustomer; onClose: () => void }) {
  const money = useMoney();
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const owed = BigInt(customer.owed);
  const form = useZodForm(quickPayForm, { method: 'bank_transfer' });
  const pay = useMutation(
    trpc.customers.quickPay.mutationOptions({
      // The amount is the open balance; what the server says about it concerns the method chosen.
      onError: showFieldErrors(setFieldErrors(form, { amount: 'method' })),
      onSuccess: (r) => (renewKey(), finish(`${r.paid} invoice(s) paid, ${money(r.amount, customer.currency)} in all`)),
    }),
  );
  return (
    <Dialog
      open
      onOpenChange={(o) => o || onClose()}
      title="Quick pay"
      description={`Records payment of every open ${customer.currency} invoice, oldest first: ${money(owed, customer.currency)} in all.`}
    >
      <Form
        form={form}
        className="space-y-4"
        onSubmit={(v) => pay.mutate({ customerId: customer.id, currency: customer.currency, method: v.method, idempotencyKey })}
      >
        <FormSelect name="method" label="Method">
          <option value="bank_transfer">bank transfer</option>
          <option value="cash">cash</option>
          <option value="card">card</option>
          <option value="credit">credit balance</option>
        </FormSelect>
        <DialogActions onCancel={onClose} pending={pay.isPending} submit={`Pay ${money(owed, customer.currency)}`} />
      </Form>
    </Dialog>
  );
}
