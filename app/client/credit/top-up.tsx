'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { z } from 'zod';
import { Button } from '../../_components/ui/button';
import { Form, FormError, FormText, setFieldErrors, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { majorAmount } from '../../_lib/form-schemas';
import { useTRPC } from '../../_lib/trpc';

/**
 * Buys credit: an amount in the account's currency becomes a top-up invoice, paid on its page by
 * card or PayPal; the credit is added when the payment arrives. The bounds are the server's.
 */
export function TopUp({ currency, range }: { currency: string; range: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useZodForm(z.object({ amount: majorAmount(currency, (minor) => minor > 0n, `must be an amount in ${currency}, ${range}`) }), { amount: '' });
  const topUp = useMutation(
    trpc.portal.topUp.mutationOptions({
      onSuccess: (invoice) => router.push(`/client/invoices/${invoice.id}`),
      onError: showFieldErrors(setFieldErrors(form)),
    }),
  );
  return (
    <Form form={form} onSubmit={(v) => topUp.mutate({ amount: Number(v.amount) })} className="space-y-3">
      <FormText
        name="amount"
        label={`Amount (${currency})`}
        inputMode="decimal"
        placeholder="50.00"
        hint={`${range}; you pay it on the next page by card or PayPal.`}
      />
      <FormError />
      <Button type="submit" disabled={topUp.isPending}>
        {topUp.isPending ? 'Preparing…' : 'Top up'}
      </Button>
    </Form>
  );
}
