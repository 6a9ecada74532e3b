'use client';

import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { currencyExponent } from '@/server/billing/currency';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormSelect, FormText, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { majorAmount } from '../../../../_lib/form-schemas';
import { useIdempotencyKey } from '../../../../_lib/idempotency-key';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';
import type { ActionInvoice } from '../invoice-actions';

const correctionForm = (currency: string) =>
  z.object({
    kind: z.enum(['credit_note', 'debit_note']),
    description: z.string(),
    amount: majorAmount(currency, (minor) => minor > 0n, `must be an amount above 0 with at most ${currencyExponent(currency)} decimals`),
    reason: z.string(),
  });

/** A credit or debit note of one line against the invoice. */
export function CorrectionDialog({ invoice, onClose }: { invoice: ActionInvoice; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const form = useZodForm(correctionForm(invoice.currency), { kind: 'credit_note', description: '', amount: '', reason: '' });
  const correct = useMutation(
    trpc.invoices.correct.mutationOptions({
      // The note's one line is typed as description and amount.
      onError: showFieldErrors(setFieldErrors(form, { 'items.0.description': 'description', items: 'amount' })),
      onSuccess: (d) => (renewKey(), finish(`${d.kind === 'credit_note' ? 'Credit' : 'Debit'} note ${d.number} issued`)),
    }),
  );
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
        onSubmit={(v) =>
          correct.mutate({
            id: invoice.id,
            kind: v.kind,
            reason: v.reason,
            items: [{ description: v.description, quantity: 1, unit_price: Number(v.amount) }],
            idempotencyKey,
          })
        }
      >
        <FormSelect name="kind" label="Kind">
          <option value="credit_note">Credit note</option>
          <option value="debit_note">Debit note</option>
        </FormSelect>
        <FormText name="description" label="Description" />
        <FormText name="amount" label={`Amount (${invoice.currency})`} inputMode="decimal" />
        <FormText name="reason" label="Reason" />
        <DialogActions onCancel={onClose} pending={correct.isPending} submit="Issue" />
      </Form>
    </Dialog>
  );
}
