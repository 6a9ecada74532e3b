'use client';

import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { currencyExponent } from '@/server/billing/currency';
import { useMoney } from '../../../../_components/money';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormText, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { majorAmount } from '../../../../_lib/form-schemas';
import { useIdempotencyKey } from '../../../../_lib/idempotency-key';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';
import type { ActionCustomer } from '../customer-actions';

const creditForm = (currency: string) =>
  z.object({
    amount: majorAmount(
      currency,
      (minor) => minor !== 0n,
      `must be a non-zero amount with at most ${currencyExponent(currency)} decimals (negative takes credit away)`,
    ),
    reason: z.string(),
  });

export function AdjustCreditDialog({ customer, onClose }: { customer: ActionCustomer; onClose: () => void }) {
  const money = useMoney();
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const form = useZodForm(creditForm(customer.currency), { amount: '', reason: '' });
  const adjust = useMutation(
    trpc.customers.adjustCredit.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      onSuccess: (e) => (renewKey(), finish(`Credit balance is now ${money(e.balance, e.currency)}`)),
    }),
  );
  return (
    <Dialog
      open
      onOpenChange={(o) => o || onClose()}
      title="Adjust credit"
      description="A negative amount takes credit away; the balance never goes below zero."
    >
      <Form
        form={form}
        className="space-y-4"
        onSubmit={(v) => adjust.mutate({ customerId: customer.id, amount: Number(v.amount), reason: v.reason, idempotencyKey })}
      >
        <FormText name="amount" label={`Amount (${customer.currency})`} inputMode="decimal" autoFocus />
        <FormText name="reason" label="Reason" />
        <DialogActions onCancel={onClose} pending={adjust.isPending} submit="Save" />
      </Form>
    </Dialog>
  );
}
