'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { z } from 'zod';
import { localeNames, locales } from '@/i18n/locales';
import { formatNumber } from '@/server/billing/numbering';
import { parsePaper } from '@/server/documents/paper';
import { billingSettingsPatch, type BillingSettings } from '@/server/schemas/settings';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { Form, FormCheckbox, FormSelect, FormText, FormTextarea, setFieldErrors, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { checkedBy } from '../../_lib/form-schemas';
import { useTRPC } from '../../_lib/trpc';
import { PaperPicker } from './paper-picker';

const integer = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));

// Typed as text, sent as the API's billing block; the server's schema checks it on the way.
const billingForm = z
  .object({
    currency: z.string(),
    tax_label: z.string(),
    tax_rate: z.string(),
    tax_mode: z.enum(['exclusive', 'inclusive']),
    first_document: z.enum(['invoice', 'proforma']),
    default_locale: z.string(),
    invoice_number: z.object({
      prefix: z.string(),
      proforma_prefix: z.string(),
      include_year: z.boolean(),
      padding: z.string(),
      reset: z.enum(['yearly', 'never']),
    }),
    renewal_window_days: z.string(),
    payment_due_days: z.string(),
    paper_size: z.string(),
    custom_paper_mm: z.object({ width: z.string(), height: z.string() }),
    bank_details: z.string(),
    dunning: z.object({ reminder_days: z.string(), suspend_after_days: z.string(), terminate_after_days: z.string() }),
    self_service: z.object({ plan_changes: z.boolean(), cancellation: z.enum(['end_of_period', 'immediately']) }),
  })
  .transform((form) => ({
    ...form,
    invoice_number: { ...form.invoice_number, padding: Number(form.invoice_number.padding) },
    renewal_window_days: integer(form.renewal_window_days),
    payment_due_days: integer(form.payment_due_days),
    custom_paper_mm: form.paper_size === 'custom' ? { width: Number(form.custom_paper_mm.width), height: Number(form.custom_paper_mm.height) } : undefined,
    dunning: {
      reminder_days: form.dunning.reminder_days
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean)
        .map(Number),
      suspend_after_days: integer(form.dunning.suspend_after_days),
      terminate_after_days: integer(form.dunning.terminate_after_days),
    },
  }))
  .superRefine(checkedBy(billingSettingsPatch));

/** Every field of the API's billing block, with live previews of the next invoice number and the paper. */
export function BillingSettingsForm({ settings, nextSequence, year }: { settings: BillingSettings; nextSequence: string; year: number }) {
  const router = useRouter();
  const trpc = useTRPC();
  const known = parsePaper(settings.paper_size);
  const form = useZodForm(billingForm, {
    currency: settings.currency,
    tax_label: settings.tax_label,
    tax_rate: settings.tax_rate,
    tax_mode: settings.tax_mode,
    first_document: settings.first_document,
    default_locale: settings.default_locale,
    invoice_number: { ...settings.invoice_number, padding: String(settings.invoice_number.padding) },
    renewal_window_days: String(settings.renewal_window_days),
    payment_due_days: String(settings.payment_due_days),
    paper_size: settings.paper_size.toLowerCase() === 'custom' || !known ? 'custom' : known.id,
    custom_paper_mm: { width: String(settings.custom_paper_mm?.width ?? 100), height: String(settings.custom_paper_mm?.height ?? 150) },
    bank_details: settings.bank_details,
    dunning: {
      reminder_days: settings.dunning.reminder_days.join(', '),
      suspend_after_days: String(settings.dunning.suspend_after_days),
      terminate_after_days: String(settings.dunning.terminate_after_days),
    },
    self_service: settings.self_service,
  });
  const save = useMutation(
    trpc.settings.updateBilling.mutationOptions({
      onSuccess: () => {
        toast.success('Billing settings saved');
        router.refresh();
      },
      onError: showFieldErrors(setFieldErrors(form)),
    }),
  );
  const format = form.watch('invoice_number');
  const preview = formatNumber(
    { prefix: format.prefix, includeYear: format.include_year, padding: Number(format.padding) || 1, reset: format.reset },
    year,
    BigInt(nextSequence),
  );

  // Ids without the block's prefix ("suspend_after_days"), as the page had them before.
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <FormText name={name} id={name.replace(/^dunning\./, '')} label={label} {...props} />
  );

  return (
    <Card className="p-6">
      <h2 className="mb-4 text-lg font-semibold">Billing</h2>
      <Form form={form} onSubmit={(v) => save.mutate(v)} aria-label="Billing settings" className="space-y-6">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {field('currency', 'Default currency', { maxLength: 3 })}
          {field('tax_label', 'Tax label')}
          {field('tax_rate', 'Default tax rate (%)', { inputMode: 'decimal' })}
          <FormSelect name="tax_mode" label="Prices are">
            <option value="exclusive">without tax (tax added)</option>
            <option value="inclusive">with tax included</option>
          </FormSelect>
          <FormSelect
            name="default_locale"
            label="Default language for customers"
            hint="For customers who chose none. The console’s money and dates follow it."
          >
            {locales.map((locale) => (
              <option key={locale} value={locale}>
                {localeNames[locale]}
              </option>
            ))}
          </FormSelect>
        </div>
        <fieldset className="grid gap-4 border-t border-border pt-4 sm:grid-cols-2 lg:grid-cols-4">
          <legend className="mb-2 text-sm font-medium text-fg-muted">Invoice numbers</legend>
          <FormText name="invoice_number.prefix" label="Prefix" />
          <FormText name="invoice_number.proforma_prefix" label="Proforma prefix" hint="Proformas have their own series." />
          <FormText name="invoice_number.padding" label="Digits" type="number" min={1} max={12} />
          <FormSelect name="invoice_number.reset" label="Sequence restarts">
            <option value="yearly">every year</option>
            <option value="never">never</option>
          </FormSelect>
          <FormCheckbox name="invoice_number.include_year" className="self-end pb-2">
            Include the year
          </FormCheckbox>
          <FormSelect name="first_document" label="New orders start with" hint="Unless the order names its own first document.">
            <option value="invoice">an invoice</option>
            <option value="proforma">a proforma (the invoice follows payment)</option>
          </FormSelect>
          <p className="col-span-full text-sm">
            Next invoice number:{' '}
            <strong className="font-mono" data-testid="number-preview">
              {preview}
            </strong>
          </p>
        </fieldset>
        <fieldset className="grid gap-4 border-t border-border pt-4 sm:grid-cols-2 lg:grid-cols-4">
          <legend className="mb-2 text-sm font-medium text-fg-muted">Renewals and dunning</legend>
          {field('renewal_window_days', 'Invoice renewals days ahead', { type: 'number' })}
          {field('payment_due_days', 'Payment due after (days)', { type: 'number' })}
          {field('dunning.reminder_days', 'Reminders (days from due, e.g. -3, 1, 7)')}
          {field('dunning.suspend_after_days', 'Suspend after (days overdue)', { type: 'number' })}
          {field('dunning.terminate_after_days', 'Terminate after (days overdue)', { type: 'number' })}
        </fieldset>
        <fieldset className="grid gap-4 border-t border-border pt-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-medium text-fg-muted">Customer self-service</legend>
          <FormCheckbox name="self_service.plan_changes" className="self-end pb-2">
            Customers may change plan within the product&apos;s category
          </FormCheckbox>
          <FormSelect
            name="self_service.cancellation"
            label="A customer's cancellation takes effect"
            hint="Unpaid invoices for the time after it are cancelled; the rest stays due."
          >
            <option value="end_of_period">at the end of the paid period</option>
            <option value="immediately">immediately</option>
          </FormSelect>
        </fieldset>
        <fieldset className="grid gap-4 border-t border-border pt-4">
          <legend className="mb-2 text-sm font-medium text-fg-muted">Documents</legend>
          <PaperPicker />
        </fieldset>
        <FormTextarea name="bank_details" label="Bank details (printed on invoices)" rows={3} />
        <div className="flex justify-end">
          <Button type="submit" disabled={save.isPending}>
            Save billing settings
          </Button>
        </div>
      </Form>
    </Card>
  );
}
