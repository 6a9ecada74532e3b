'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { z } from 'zod';
import { formatMinor } from '@/server/billing/currency';
import { useMoney } from '../../../_components/money';
import { Button } from '../../../_components/ui/button';
import { Card } from '../../../_components/ui/card';
import { Form, FormError, FormText, setFieldErrors, useZodForm } from '../../../_components/ui/form';
import { showFieldErrors } from '../../../_lib/form-errors';
import { majorAmount } from '../../../_lib/form-schemas';
import { useIdempotencyKey } from '../../../_lib/idempotency-key';
import { useTRPC } from '../../../_lib/trpc';

/**
 * Use credit balance on this invoice: prefilled with all the credit covers of what is due, and
 * any smaller part may be typed (the rest is paid another way, or the credit kept for later).
 */
export function UseCredit({ invoiceId, currency, covers }: { invoiceId: string; currency: string; covers: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useTranslations('portal.useCredit');
  const money = useMoney();
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const most = BigInt(covers);
  const limit = money(most, currency);
  const form = useZodForm(z.object({ amount: majorAmount(currency, (minor) => minor > 0n && minor <= most, t('bounds', { limit })) }), {
    amount: formatMinor(most, currency),
  });
  const apply = useMutation(
    trpc.portal.applyCredit.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      onSuccess: (r) => {
        renewKey();
        toast.success(t('applied', { amount: money(r.payment.amount, currency) }));
        router.refresh();
      },
    }),
  );
  return (
    <Card className="mb-4 p-5" aria-label={t('region')} role="region">
      <h2 className="font-semibold">{t('title')}</h2>
      <p className="mb-3 text-sm text-fg-muted">{t('description', { limit })}</p>
      <Form
        form={form}
        onSubmit={(v) => apply.mutate({ id: invoiceId, amount: Number(v.amount), idempotencyKey })}
        className="flex flex-wrap items-start gap-3"
      >
        <div className="w-full sm:w-56">
          <FormText name="amount" label={t('amount', { currency })} inputMode="decimal" />
        </div>
        <Button type="submit" disabled={apply.isPending} className="sm:mt-6">
          {apply.isPending ? t('applying') : t('apply')}
        </Button>
        <FormError />
      </Form>
    </Card>
  );
}
