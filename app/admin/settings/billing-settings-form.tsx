'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { formatNumber } from '@/server/billing/numbering';
import { type FieldErrors, fieldErrors } from '@/server/errors';
import type { BillingSettings } from '@/server/schemas/settings';
import { billingSettingsPatch } from '@/server/schemas/settings';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { Field, Input, inputClass, TextField } from '../../_components/ui/field';
import { useTRPC } from '../../_lib/trpc';
import { PaperPicker } from './paper-picker';
import { showFieldErrors } from '../../_lib/form-errors';

const integer = (form: FormData, name: string) => {
  const text = String(form.get(name) ?? '').trim();
  return text === '' ? undefined : Number(text);
};

/** Every field of the API's billing block, with live previews of the next invoice number and the paper. */
export function BillingSettingsForm({ settings, nextSequence, year }: { settings: BillingSettings; nextSequence: string; year: number }) {
  const [format, setFormat] = useState(settings.invoice_number);
  const [errors, setErrors] = useState<FieldErrors>({});
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(
    trpc.settings.updateBilling.mutationOptions({
      onSuccess: () => {
        toast.success('Billing settings saved');
        setErrors({});
        router.refresh();
      },
      onError: showFieldErrors(setErrors),
    }),
  );
  const preview = formatNumber({ prefix: format.prefix, includeYear: format.include_year, padding: format.padding || 1, reset: format.reset }, year, BigInt(nextSequence));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const candidate = {
      currency: String(form.get('currency') ?? ''),
      tax_label: String(form.get('tax_label') ?? ''),
      tax_rate: String(form.get('tax_rate') ?? ''),
      tax_mode: String(form.get('tax_mode') ?? ''),
      invoice_number: { prefix: format.prefix, include_year: format.include_year, padding: format.padding, reset: format.reset },
      renewal_window_days: integer(form, 'renewal_window_days'),
      payment_due_days: integer(form, 'payment_due_days'),
      paper_size: String(form.get('paper_size') ?? ''),
      custom_paper_mm:
        form.get('paper_size') === 'custom' ? { width: Number(form.get('custom_paper_mm.width')), height: Number(form.get('custom_paper_mm.height')) } : undefined,
      bank_details: String(form.get('bank_details') ?? ''),
      dunning: {
        reminder_days: String(form.get('reminder_days') ?? '')
          .split(',')
          .map((d) => d.trim())
          .filter(Boolean)
          .map(Number),
        suspend_after_days: integer(form, 'suspend_after_days'),
        terminate_after_days: integer(form, 'terminate_after_days'),
      },
    };
    const parsed = billingSettingsPatch.safeParse(candidate);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    save.mutate(parsed.data);
  }

  const field = (name: string, label: string, defaultValue: string | number, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <TextField name={name} label={label} error={errors[name]} defaultValue={defaultValue} {...props} />
  );

  return (
    <Card className="p-6">
      <h2 className="mb-4 text-lg font-semibold">Billing</h2>
      <form onSubmit={submit} noValidate aria-label="Billing settings" className="space-y-6">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {field('currency', 'Default currency', settings.currency, { maxLength: 3 })}
          {field('tax_label', 'Tax label', settings.tax_label)}
          {field('tax_rate', 'Default tax rate (%)', settings.tax_rate, { inputMode: 'decimal' })}
          <Field label="Prices are" name="tax_mode">
            <select id="tax_mode" name="tax_mode" defaultValue={settings.tax_mode} className={inputClass}>
              <option value="exclusive">without tax (tax added)</option>
              <option value="inclusive">with tax included</option>
            </select>
          </Field>
        </div>
        <fieldset className="grid gap-4 border-t border-border pt-4 sm:grid-cols-2 lg:grid-cols-4">
          <legend className="mb-2 text-sm font-medium text-fg-muted">Invoice numbers</legend>
          <Field label="Prefix" name="invoice_number.prefix" error={errors['invoice_number.prefix']}>
            <Input id="invoice_number.prefix" value={format.prefix} onChange={(e) => setFormat({ ...format, prefix: e.target.value })} />
          </Field>
          <Field label="Digits" name="invoice_number.padding" error={errors['invoice_number.padding']}>
            <Input id="invoice_number.padding" type="number" min={1} max={12} value={format.padding} onChange={(e) => setFormat({ ...format, padding: Number(e.target.value) })} />
          </Field>
          <Field label="Sequence restarts" name="invoice_number.reset">
            <select id="invoice_number.reset" className={inputClass} value={format.reset} onChange={(e) => setFormat({ ...format, reset: e.target.value as 'yearly' | 'never' })}>
              <option value="yearly">every year</option>
              <option value="never">never</option>
            </select>
          </Field>
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" checked={format.include_year} onChange={(e) => setFormat({ ...format, include_year: e.target.checked })} /> Include the year
          </label>
          <p className="col-span-full text-sm">
            Next invoice number:{' '}
            <strong className="font-mono" data-testid="number-preview">
              {preview}
            </strong>
          </p>
        </fieldset>
        <fieldset className="grid gap-4 border-t border-border pt-4 sm:grid-cols-2 lg:grid-cols-4">
          <legend className="mb-2 text-sm font-medium text-fg-muted">Renewals and dunning</legend>
          {field('renewal_window_days', 'Invoice renewals days ahead', settings.renewal_window_days, { type: 'number' })}
          {field('payment_due_days', 'Payment due after (days)', settings.payment_due_days, { type: 'number' })}
          {field('reminder_days', 'Reminders (days from due, e.g. -3, 1, 7)', settings.dunning.reminder_days.join(', '))}
          {field('suspend_after_days', 'Suspend after (days overdue)', settings.dunning.suspend_after_days, { type: 'number' })}
          {field('terminate_after_days', 'Terminate after (days overdue)', settings.dunning.terminate_after_days, { type: 'number' })}
        </fieldset>
        <fieldset className="grid gap-4 border-t border-border pt-4">
          <legend className="mb-2 text-sm font-medium text-fg-muted">Documents</legend>
          <PaperPicker value={settings.paper_size} custom={settings.custom_paper_mm} error={errors.paper_size ?? errors['custom_paper_mm.width'] ?? errors['custom_paper_mm.height']} />
        </fieldset>
        <Field label="Bank details (printed on invoices)" name="bank_details" error={errors.bank_details}>
          <textarea id="bank_details" name="bank_details" defaultValue={settings.bank_details} rows={3} className={`${inputClass} h-auto py-2`} />
        </Field>
        <div className="flex justify-end">
          <Button type="submit" disabled={save.isPending}>
            Save billing settings
          </Button>
        </div>
      </form>
    </Card>
  );
}
