'use client';

import { useMutation } from '@tanstack/react-query';
import { PiggyBank } from 'lucide-react';
import { z } from 'zod';
import { formatMinor } from '@/server/billing/currency';
import { useMoney } from '../../../../_components/money';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormText, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { majorAmount } from '../../../../_lib/form-schemas';
import { useIdempotencyKey } from '../../../../_lib/idempotency-key';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';

/** Apply credit balance: all the credit covers, or the part the clerk types, never more. */
export function ApplyCreditDialog({ invoice, onClose }: { invoice: { id: string; currency: string; balance: string; credit: string }; onClose: () => void }) {
  const money = useMoney();
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const credit = BigInt(invoice.credit);
  const balance = BigInt(invoice.balance);
  const covers = credit < balance ? credit : balance;
  const form = useZodForm(
    z.object({
      amount: majorAmount(invoice.currency, (minor) => minor > 0n && minor <= covers, `must be above 0 and at most ${money(covers, invoice.currency)}`),
    }),
    { amount: formatMinor(covers, invoice.currency) },
  );
  const apply = useMutation(
    trpc.invoices.applyCredit.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      onSuccess: (r) => (renewKey(), finish(`${money(r.payment.amount, invoice.currency)} of credit applied; invoice is ${r.invoice.status}`)),
    }),
  );
  return (
    <Dialog
      open
      onOpenChange={(o) => o || onClose()}
      title="Apply credit balance"
      description={`Credit balance ${money(credit, invoice.currency)} · balance due ${money(balance, invoice.currency)}`}
    >
      <Form form={form} className="space-y-4" onSubmit={(v) => apply.mutate({ id: invoice.id, amount: Number(v.amount), idempotencyKey })}>
        <FormText
          name="amount"
          label={`Amount (${invoice.currency})`}
          inputMode="decimal"
          autoFocus
          hint={`At most ${money(covers, invoice.currency)}: what the credit covers of the balance due.`}
        />
        <DialogActions
          onCancel={onClose}
          pending={apply.isPending}
          submit={
            <>
              <PiggyBank className="size-4" aria-hidden /> Apply credit
            </>
          }
        />
      </Form>
    </Dialog>
  );
}
