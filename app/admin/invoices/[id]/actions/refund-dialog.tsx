'use client';

import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { currencyExponent } from '@/server/billing/currency';
import { documentName, MoneyPreview } from '../../../../_components/console/money-preview';
import { useMoney } from '../../../../_components/money';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormCheckbox, FormError, FormText, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { optionalMajorAmount } from '../../../../_lib/form-schemas';
import { useIdempotencyKey } from '../../../../_lib/idempotency-key';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';
import { useLivePreview } from '../../../../_lib/use-live-preview';
import type { ActionInvoice } from '../invoice-actions';

const refundForm = (currency: string) =>
  z.object({
    amount: optionalMajorAmount(currency, (minor) => minor > 0n, `must be an amount above 0 with at most ${currencyExponent(currency)} decimals`),
    reason: z.string(),
    to_credit: z.boolean(),
  });

/** A refund, shown as the server's preview of what it writes (refund, credit note, the invoice after) before it is confirmed. */
export function RefundDialog({ invoice, refundable, onClose }: { invoice: ActionInvoice; refundable: bigint; onClose: () => void }) {
  const format = useMoney();
  const money = (amount: bigint) => format(amount, invoice.currency);
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const schema = refundForm(invoice.currency);
  const form = useZodForm(schema, { amount: '', reason: '', to_credit: false });
  // Which payment gives the money back is the server's choice; its objection concerns the whole refund.
  const onError = showFieldErrors(setFieldErrors(form, { payment_id: '_' }));
  const ask = useMutation(trpc.invoices.refund.mutationOptions({ onError, onSuccess: () => form.clearErrors() }));
  const refund = useMutation(
    trpc.invoices.refund.mutationOptions({
      onError,
      onSuccess: (r) => (renewKey(), finish(r.creditNoteId ? 'Refund recorded with a credit note' : `Refund recorded; invoice is ${r.invoice.status}`)),
    }),
  );
  const typed = schema.safeParse(form.watch());
  const request = typed.success
    ? {
        id: invoice.id,
        amount: typed.data.amount === undefined ? undefined : Number(typed.data.amount),
        reason: typed.data.reason,
        to_credit: typed.data.to_credit,
      }
    : null;
  const preview = useLivePreview(request, (r) => ask.mutateAsync({ ...r, preview: true, idempotencyKey }));
  const shown = preview.result;
  return (
    <Dialog open onOpenChange={(o) => o || onClose()} title="Refund" description={`Up to ${money(refundable)} can go back.`}>
      <Form
        form={form}
        className="space-y-4"
        onSubmit={() => {
          if (shown && request) refund.mutate({ ...request, idempotencyKey });
        }}
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
        <MoneyPreview
          asking={preview.asking}
          items={
            shown && [
              [
                'Refund',
                <span key="refund" data-testid="preview-refund">
                  {money(shown.refund.amount)}
                </span>,
              ],
              ['Goes back', shown.refund.toCredit ? 'To the credit balance' : `As it was paid (${shown.refund.method.replace('_', ' ')})`],
              shown.creditNote
                ? [
                    documentName('credit_note', shown.creditNote.number),
                    <span key="note" data-testid="preview-credit-note">
                      {money(shown.creditNote.total)}
                    </span>,
                  ]
                : ['Credit note', 'None: everything goes back'],
              [
                `Invoice ${shown.invoice.number ?? ''}`.trim(),
                <span key="invoice" data-testid="preview-invoice">{`${shown.invoice.status}, ${money(shown.invoice.amountRefunded)} refunded`}</span>,
              ],
            ]
          }
        />
        <DialogActions onCancel={onClose} pending={refund.isPending || (request !== null && !shown)} submit="Refund" />
      </Form>
    </Dialog>
  );
}
