'use client';

import { useMutation } from '@tanstack/react-query';
import { Wallet } from 'lucide-react';
import { z } from 'zod';
import { currencyExponent, formatMinor } from '@/server/billing/currency';
import { paymentMethodLabels } from '@/server/labels';
import { deskPaymentMethods } from '@/server/schemas/invoice-desk';
import { paymentMethods } from '@/server/schemas/invoices';
import { useMoney } from '../../../../_components/money';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormSelect, FormText, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { majorAmount } from '../../../../_lib/form-schemas';
import { useIdempotencyKey } from '../../../../_lib/idempotency-key';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';
import type { ActionInvoice } from '../invoice-actions';

const paymentForm = (currency: string) =>
  z.object({
    amount: majorAmount(currency, (minor) => minor > 0n, `must be an amount above 0 with at most ${currencyExponent(currency)} decimals`),
    method: z.enum(paymentMethods),
    reference: z.string(),
    paid_at: z.string(),
  });

export function RecordPaymentDialog({ invoice, onClose }: { invoice: Pick<ActionInvoice, 'id' | 'currency' | 'balance'>; onClose: () => void }) {
  const money = useMoney();
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  // Most payments settle the balance: it is there to accept or to change for a part payment.
  const balance = BigInt(invoice.balance);
  const form = useZodForm(paymentForm(invoice.currency), {
    amount: balance > 0n ? formatMinor(balance, invoice.currency) : '',
    method: 'bank_transfer',
    reference: '',
    paid_at: '',
  });
  const pay = useMutation(
    trpc.invoices.recordPayment.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      onSuccess: (r) => (renewKey(), finish(`Payment recorded; invoice is ${r.invoice.status}`)),
    }),
  );
  return (
    <Dialog open onOpenChange={(o) => o || onClose()} title="Add payment" description={`Open balance ${money(BigInt(invoice.balance), invoice.currency)}`}>
      <Form
        form={form}
        className="space-y-4"
        onSubmit={(v) =>
          pay.mutate({
            id: invoice.id,
            amount: Number(v.amount),
            method: v.method,
            reference: v.reference,
            paid_at: v.paid_at ? new Date(v.paid_at).toISOString() : undefined,
            idempotencyKey,
          })
        }
      >
        <FormText name="amount" label={`Amount (${invoice.currency})`} inputMode="decimal" autoFocus />
        <FormSelect name="method" label="Method">
          {deskPaymentMethods.map((m) => (
            <option key={m} value={m}>
              {paymentMethodLabels[m]}
            </option>
          ))}
        </FormSelect>
        <FormText name="reference" label="Reference (optional)" />
        <FormText name="paid_at" label="Paid at (optional)" type="datetime-local" hint="Leave empty for now; may be in the past, never the future." />
        <DialogActions
          onCancel={onClose}
          pending={pay.isPending}
          submit={
            <>
              <Wallet className="size-4" aria-hidden /> Record payment
            </>
          }
        />
      </Form>
    </Dialog>
  );
}
