'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('portal.topUp');
  const form = useZodForm(z.object({ amount: majorAmount(currency, (minor) => minor > 0n, t('bounds', { currency, range })) }), { amount: '' });
  const topUp = useMutation(
    trpc.portal.topUp.mutationOptions({
      onSuccess: (invoice) => router.push(`/client/invoices/${invoice.id}`),
      onError: showFieldErrors(setFieldErrors(form)),
    }),
  );
  return (
    <Form form={form} onSubmit={(v) => topUp.mutate({ amount: Number(v.amount) })} className="space-y-3">
      <FormText name="amount" label={t('amount', { currency })} inputMode="decimal" placeholder="50.00" hint={t('hint', { range })} />
      <FormError />
      <Button type="submit" disabled={topUp.isPending}>
        {topUp.isPending ? t('preparing') : t('submit')}
      </Button>
    </Form>
  );
}
