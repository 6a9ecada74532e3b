'use client';

import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { currencyExponent } from '@/server/billing/currency';
import { useMoney } from '../../../../_components/money';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormCheckbox, FormError, FormText, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { optionalMajorAmount } from '../../../../_lib/form-schemas';
import { useIdempotencyKey } from '../../../../_lib/idempotency-key';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';
import type { ActionInvoice } from '../invoice-actions';

const refundForm = (currency: string) =>
  z.object({
    amount: optionalMajorAmount(currency, (minor) => minor > 0n, `must be an amount above 0 with at most ${currencyExponent(currency)} decimals`),
    reason: z.string(),
    to_credit: z.boolean(),
  });

export function RefundDialog({ invoice, refundable, onClose }: { invoice: ActionInvoice; refundable: bigint; onClose: () => void }) {
  const money = useMoney();
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const form = useZodForm(refundForm(invoice.currency), { amount: '', reason: '', to_credit: false });
  const refund = useMutation(
    trpc.invoices.refund.mutationOptions({
      // Which payment gives the money back is the server's choice; its objection concerns the whole refund.
      onError: showFieldErrors(setFieldErrors(form, { payment_id: '_' })),
      onSuccess: (r) => (renewKey(), finish(r.creditNoteId ? 'Refund recorded with a credit note' : `Refund recorded; invoice is ${r.invoice.status}`)),
    }),
  );
  return (
    <Dialog open onOpenChange={(o) => o || onClose()} title="Refund" description={`Up to ${money(refundable, invoice.currency)} can go back.`}>
      <Form
        form={form}
        className="space-y-4"
        onSubmit={(v) =>
          refund.mutate({
            id: invoice.id,
            amount: v.amount === undefined ? undefined : Number(v.amount),
            reason: v.reason,
            to_credit: v.to_credit,
            idempotencyKey,
          })
        }
      >
        <FormText
          name="amount"
          label={`Amount (${invoice.currency})`}
          inputMode="decimal"
          autoFocus
          hint="Leave empty to refund everything still refundable."
        />
        <FormText name="reason" label="Reason (optional)" />
        <FormCheckbox name="to_credit">Put it on the customer’s credit balance instead</FormCheckbox>
        <FormError />
        <DialogActions onCancel={onClose} pending={refund.isPending} submit="Refund" />
      </Form>
    </Dialog>
  );
}
