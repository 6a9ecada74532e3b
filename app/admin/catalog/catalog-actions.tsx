'use client';

import { useMutation } from '@tanstack/react-query';
import { TicketPercent } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { z } from 'zod';
import { isCurrency, parseMajor } from '@/server/billing/currency';
import { createCouponInput } from '@/server/schemas/catalog';
import { Button } from '../../_components/ui/button';
import { Dialog, DialogActions } from '../../_components/ui/dialog';
import { Form, FormCheckbox, FormSelect, FormText, setFieldErrors, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { checkedBy } from '../../_lib/form-schemas';
import { useTRPC } from '../../_lib/trpc';

const optionalNumber = (text: string) => (text.trim() ? Number(text.trim()) : undefined);

// Typed as text, sent as the API takes it, checked by the server's schema on the way.
const couponForm = z
  .object({
    code: z.string(),
    type: z.enum(['percent', 'fixed']),
    value: z.string(),
    currency: z.string(),
    duration: z.enum(['once', 'repeating', 'forever']),
    cycles: z.string(),
    max_uses: z.string(),
    once_per_customer: z.boolean(),
    expires_at: z.string(),
  })
  .transform((form, ctx) => {
    const currency = (form.currency.trim() || 'USD').toUpperCase();
    // A fixed discount is typed like money ("5.00") and sent in minor units, as the API takes it.
    const fixed = form.type === 'fixed' && isCurrency(currency) ? parseMajor(form.value.trim(), currency) : null;
    if (form.type === 'fixed' && (fixed === null || fixed <= 0n)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be an amount above 0 in the coupon’s currency' });
      return z.NEVER;
    }
    const expires = form.expires_at.trim();
    return {
      code: form.code.trim(),
      type: form.type,
      value: form.type === 'percent' ? form.value.trim() : Number(fixed),
      currency: form.type === 'fixed' ? currency : undefined,
      duration: form.duration,
      cycles: form.duration === 'repeating' ? optionalNumber(form.cycles) : undefined,
      max_uses: optionalNumber(form.max_uses),
      once_per_customer: form.once_per_customer,
      expires_at: expires ? new Date(`${expires}T23:59:59Z`).toISOString() : undefined,
    };
  })
  .superRefine(checkedBy(createCouponInput));

/** New coupon: percent or fixed, once / N cycles / for ever, with limits and an expiry. */
export function CatalogActions() {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const trpc = useTRPC();
  const form = useZodForm(couponForm, {
    code: '',
    type: 'percent',
    value: '',
    currency: '',
    duration: 'once',
    cycles: '',
    max_uses: '',
    once_per_customer: false,
    expires_at: '',
  });
  const [type, duration] = form.watch(['type', 'duration']);
  const create = useMutation(
    trpc.catalog.createCoupon.mutationOptions({
      onSuccess: (coupon) => {
        toast.success(`Coupon ${coupon.code} created`);
        setOpen(false);
        form.reset();
        router.refresh();
      },
      onError: showFieldErrors(setFieldErrors(form)),
    }),
  );

  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => <FormText name={name} label={label} {...props} />;

  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <TicketPercent className="size-4" aria-hidden /> New coupon
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title="New coupon">
        <Form form={form} onSubmit={(v) => create.mutate(v)} className="grid grid-cols-2 gap-4">
          {field('code', 'Code', { autoFocus: true, placeholder: 'SPRING25' })}
          <FormSelect name="type" label="Discount type">
            <option value="percent">percent</option>
            <option value="fixed">fixed amount</option>
          </FormSelect>
          {field('value', type === 'percent' ? 'Percent off' : 'Amount off', { inputMode: 'decimal' })}
          {type === 'fixed' ? field('currency', 'Currency', { maxLength: 3, placeholder: 'USD' }) : <div />}
          <FormSelect name="duration" label="Applies">
            <option value="once">to the first invoice</option>
            <option value="repeating">for a number of cycles</option>
            <option value="forever">for ever</option>
          </FormSelect>
          {duration === 'repeating' ? field('cycles', 'Cycles', { type: 'number', min: 1 }) : <div />}
          {field('max_uses', 'Max uses (optional)', { type: 'number', min: 1 })}
          {field('expires_at', 'Expires (optional)', { type: 'date' })}
          <FormCheckbox name="once_per_customer" className="col-span-2">
            Once per customer
          </FormCheckbox>
          <DialogActions onCancel={() => setOpen(false)} pending={create.isPending} submit="Create coupon" />
        </Form>
      </Dialog>
    </>
  );
}
