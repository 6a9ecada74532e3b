'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { z } from 'zod';
import { formatMinor, formatMoney } from '@/server/billing/currency';
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
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const most = BigInt(covers);
  const limit = formatMoney(most, currency);
  const form = useZodForm(z.object({ amount: majorAmount(currency, (minor) => minor > 0n && minor <= most, `must be above 0 and at most ${limit}`) }), {
    amount: formatMinor(most, currency),
  });
  const apply = useMutation(
    trpc.portal.applyCredit.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      onSuccess: (r) => {
        renewKey();
        toast.success(`${formatMoney(r.payment.amount, currency)} of your credit was applied`);
        router.refresh();
      },
    }),
  );
  return (
    <Card className="mb-4 p-5" aria-label="Use credit balance" role="region">
      <h2 className="font-semibold">Use your credit balance</h2>
      <p className="mb-3 text-sm text-fg-muted">Your credit can pay up to {limit} of this invoice. Use all of it or type a smaller amount.</p>
      <Form
        form={form}
        onSubmit={(v) => apply.mutate({ id: invoiceId, amount: Number(v.amount), idempotencyKey })}
        className="flex flex-wrap items-start gap-3"
      >
        <div className="w-full sm:w-56">
          <FormText name="amount" label={`Amount (${currency})`} inputMode="decimal" />
        </div>
        <Button type="submit" disabled={apply.isPending} className="sm:mt-6">
          {apply.isPending ? 'Applying…' : 'Apply credit'}
        </Button>
        <FormError />
      </Form>
    </Card>
  );
}
