'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { redeemVoucherInput } from '@/server/schemas/vouchers';
import { useMoney } from '../../_components/money';
import { Button } from '../../_components/ui/button';
import { Form, FormError, FormText, setFieldErrors, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';

/** A prepaid card's code, typed as printed (any case, dashes optional); its value lands on the balance. */
export function RedeemCard() {
  const trpc = useTRPC();
  const router = useRouter();
  const money = useMoney();
  const t = useTranslations('portal.redeem');
  const form = useZodForm(redeemVoucherInput, { code: '' });
  const redeem = useMutation(
    trpc.portal.redeemVoucher.mutationOptions({
      onSuccess(redemption) {
        toast.success(t('added', { amount: money(redemption.amount, redemption.currency) }));
        form.reset({ code: '' });
        router.refresh();
      },
      onError: showFieldErrors(setFieldErrors(form)),
    }),
  );
  return (
    <Form form={form} onSubmit={(v) => redeem.mutate(v)} className="space-y-3">
      <FormText name="code" label={t('code')} placeholder="XXXX-XXXX-XXXX" autoComplete="off" spellCheck={false} className="font-mono uppercase" />
      <FormError />
      <Button type="submit" disabled={redeem.isPending}>
        {redeem.isPending ? t('redeeming') : t('submit')}
      </Button>
    </Form>
  );
}
