'use client';

import { useMutation } from '@tanstack/react-query';
import { CheckCheck } from 'lucide-react';
import { z } from 'zod';
import { paymentMethodLabels } from '@/server/labels';
import { deskPaymentMethods } from '@/server/schemas/invoice-desk';
import { useMoney } from '../../../../_components/money';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormError, FormSelect, FormText, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { useIdempotencyKey } from '../../../../_lib/idempotency-key';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';
import type { ActionInvoice } from '../invoice-actions';

const markPaidForm = z.object({
  method: z.enum(deskPaymentMethods, { error: 'Choose how the money was received' }),
  reference: z.string().trim().max(200, 'must be at most 200 characters'),
});

/** One payment of the whole balance, by the method the money came in and with its reference. */
export function MarkPaidDialog({ invoice, onClose }: { invoice: ActionInvoice; onClose: () => void }) {
  const money = useMoney();
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const form = useZodForm(markPaidForm, { method: 'bank_transfer', reference: '' });
  const markPaid = useMutation(
    trpc.invoices.markPaid.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      onSuccess: (r) => (renewKey(), finish(`Invoice marked as paid by ${paymentMethodLabels[r.payment.method].toLowerCase()}`)),
    }),
  );
  return (
    <Dialog
      open
      onOpenChange={(o) => o || onClose()}
      title="Mark as paid"
      description={`Records one payment of the whole balance, ${money(BigInt(invoice.balance), invoice.currency)}.`}
    >
      <Form
        form={form}
        className="space-y-4"
        onSubmit={(v) => markPaid.mutate({ id: invoice.id, method: v.method, reference: v.reference || undefined, idempotencyKey })}
      >
        <FormSelect name="method" label="Payment method" autoFocus>
          {deskPaymentMethods.map((m) => (
            <option key={m} value={m}>
              {paymentMethodLabels[m]}
            </option>
          ))}
        </FormSelect>
        <FormText name="reference" label="Reference (optional)" hint="A transfer's reference, a receipt or terminal slip number." />
        <FormError />
        <DialogActions
          onCancel={onClose}
          pending={markPaid.isPending}
          submit={
            <>
              <CheckCheck className="size-4" aria-hidden /> Mark as paid
            </>
          }
        />
      </Form>
    </Dialog>
  );
}
