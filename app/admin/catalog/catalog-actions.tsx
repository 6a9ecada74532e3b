'use client';

import { useMutation } from '@tanstack/react-query';
import { TicketPercent } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { isCurrency, parseMajor } from '@/server/billing/currency';
import { type FieldErrors, fieldErrors } from '@/server/errors';
import { createCouponInput } from '@/server/schemas/catalog';
import { Button } from '../../_components/ui/button';
import { Dialog, DialogActions } from '../../_components/ui/dialog';
import { Field, inputClass, TextField } from '../../_components/ui/field';
import { useTRPC } from '../../_lib/trpc';
import { showFieldErrors } from '../../_lib/form-errors';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const optionalNumber = (form: FormData, name: string) => (text(form, name) ? Number(text(form, name)) : undefined);

/** New coupon: percent or fixed, once / N cycles / for ever, with limits and an expiry. */
export function CatalogActions() {
  const [open, setOpen] = useState(false);
  const [type, setType] = useState<'percent' | 'fixed'>('percent');
  const [duration, setDuration] = useState<'once' | 'repeating' | 'forever'>('once');
  const [errors, setErrors] = useState<FieldErrors>({});
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(
    trpc.catalog.createCoupon.mutationOptions({
      onSuccess: (coupon) => {
        toast.success(`Coupon ${coupon.code} created`);
        setOpen(false);
        setErrors({});
        router.refresh();
      },
      onError: showFieldErrors(setErrors),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const expires = text(form, 'expires_at');
    const currency = (text(form, 'currency') || 'USD').toUpperCase();
    // A fixed discount is typed like money ("5.00") and sent in minor units, as the API takes it.
    const fixed = type === 'fixed' && isCurrency(currency) ? parseMajor(text(form, 'value'), currency) : null;
    if (type === 'fixed' && (fixed === null || fixed <= 0n)) return setErrors({ value: 'must be an amount above 0 in the coupon’s currency' });
    const candidate = {
      code: text(form, 'code'),
      type,
      value: type === 'percent' ? text(form, 'value') : Number(fixed),
      currency: type === 'fixed' ? currency : undefined,
      duration,
      cycles: duration === 'repeating' ? optionalNumber(form, 'cycles') : undefined,
      max_uses: optionalNumber(form, 'max_uses'),
      once_per_customer: form.get('once_per_customer') === 'on',
      expires_at: expires ? new Date(`${expires}T23:59:59Z`).toISOString() : undefined,
    };
    const parsed = createCouponInput.safeParse(candidate);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    create.mutate(candidate as Parameters<typeof create.mutate>[0]);
  }

  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => <TextField name={name} label={label} error={errors[name]} {...props} />;

  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <TicketPercent className="size-4" aria-hidden /> New coupon
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title="New coupon">
        <form onSubmit={submit} noValidate className="grid grid-cols-2 gap-4">
          {field('code', 'Code', { autoFocus: true, placeholder: 'SPRING25' })}
          <Field label="Discount type" name="type">
            <select id="type" className={inputClass} value={type} onChange={(e) => setType(e.target.value as 'percent' | 'fixed')}>
              <option value="percent">percent</option>
              <option value="fixed">fixed amount</option>
            </select>
          </Field>
          {field('value', type === 'percent' ? 'Percent off' : 'Amount off', { inputMode: 'decimal' })}
          {type === 'fixed' ? field('currency', 'Currency', { maxLength: 3, placeholder: 'USD' }) : <div />}
          <Field label="Applies" name="duration">
            <select id="duration" className={inputClass} value={duration} onChange={(e) => setDuration(e.target.value as 'once' | 'repeating' | 'forever')}>
              <option value="once">to the first invoice</option>
              <option value="repeating">for a number of cycles</option>
              <option value="forever">for ever</option>
            </select>
          </Field>
          {duration === 'repeating' ? field('cycles', 'Cycles', { type: 'number', min: 1 }) : <div />}
          {field('max_uses', 'Max uses (optional)', { type: 'number', min: 1 })}
          {field('expires_at', 'Expires (optional)', { type: 'date' })}
          <label className="col-span-2 flex items-center gap-2 text-sm">
            <input type="checkbox" name="once_per_customer" /> Once per customer
          </label>
          <DialogActions onCancel={() => setOpen(false)} pending={create.isPending} submit="Create coupon" />
        </form>
      </Dialog>
    </>
  );
}
