'use client';

import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { currencyExponent } from '@/server/billing/currency';
import { documentName, MoneyPreview } from '../../../../_components/console/money-preview';
import { useMoney } from '../../../../_components/money';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormSelect, FormText, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { majorAmount } from '../../../../_lib/form-schemas';
import { useIdempotencyKey } from '../../../../_lib/idempotency-key';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';
import { useLivePreview } from '../../../../_lib/use-live-preview';
import type { ActionInvoice } from '../invoice-actions';

const correctionForm = (currency: string) =>
  z.object({
    kind: z.enum(['credit_note', 'debit_note']),
    description: z.string().trim().min(1, 'is required'),
    amount: majorAmount(currency, (minor) => minor > 0n, `must be an amount above 0 with at most ${currencyExponent(currency)} decimals`),
    reason: z.string().trim().min(1, 'is required'),
  });

/** A credit or debit note of one line against the invoice, shown as the server's preview (the note, the invoice after) before it is issued. */
export function CorrectionDialog({ invoice, onClose }: { invoice: ActionInvoice; onClose: () => void }) {
  const format = useMoney();
  const money = (amount: bigint) => format(amount, invoice.currency);
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const schema = correctionForm(invoice.currency);
  const form = useZodForm(schema, { kind: 'credit_note', description: '', amount: '', reason: '' });
  // The note's one line is typed as description and amount.
  const onError = showFieldErrors(setFieldErrors(form, { 'items.0.description': 'description', items: 'amount' }));
  const ask = useMutation(trpc.invoices.correct.mutationOptions({ onError, onSuccess: () => form.clearErrors() }));
  const correct = useMutation(
    trpc.invoices.correct.mutationOptions({
      onError,
      onSuccess: ({ document: d }) => (renewKey(), finish(`${d.kind === 'credit_note' ? 'Credit' : 'Debit'} note ${d.number} issued`)),
    }),
  );
  const typed = schema.safeParse(form.watch());
  const request = typed.success
    ? {
        id: invoice.id,
        kind: typed.data.kind,
        reason: typed.data.reason,
        items: [{ description: typed.data.description, quantity: 1, unit_price: Number(typed.data.amount) }],
      }
    : null;
  const preview = useLivePreview(request, (r) => ask.mutateAsync({ ...r, preview: true, idempotencyKey }));
  const shown = preview.result;
  return (
    <Dialog
      open
      onOpenChange={(o) => o || onClose()}
      title="Credit or debit note"
      description="A credit note lowers what is owed (or adds credit); a debit note bills more."
    >
      <Form
        form={form}
        className="space-y-4"
        onSubmit={() => {
          if (shown && request) correct.mutate({ ...request, idempotencyKey });
        }}
      >
        <FormSelect name="kind" label="Kind">
          <option value="credit_note">Credit note</option>
          <option value="debit_note">Debit note</option>
        </FormSelect>
        <FormText name="description" label="Description" />
        <FormText name="amount" label={`Amount (${invoice.currency})`} inputMode="decimal" />
        <FormText name="reason" label="Reason" />
        <MoneyPreview
          asking={preview.asking}
          items={
            shown && [
              [
                documentName(shown.document.kind, shown.document.number),
                <span key="note" data-testid="preview-note">
                  {money(shown.document.total)}
                </span>,
              ],
              [
                `Invoice ${shown.corrected.number ?? ''} balance`.trim(),
                <span key="balance" data-testid="preview-balance">
                  {`${money(BigInt(invoice.balance))} → ${money(shown.corrected.balance)}`}
                </span>,
              ],
            ]
          }
          note={
            shown && shown.document.kind === 'credit_note'
              ? 'The credit note settles what is open on the invoice; the rest goes onto the customer’s credit balance.'
              : null
          }
        />
        <DialogActions onCancel={onClose} pending={correct.isPending || (request !== null && !shown)} submit="Issue" />
      </Form>
    </Dialog>
  );
}
