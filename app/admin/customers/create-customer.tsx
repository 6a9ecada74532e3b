'use client';

import { useMutation } from '@tanstack/react-query';
import { Plus, X } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { z } from 'zod';
import { billingAddressInput, createCustomerInput } from '@/server/schemas/customers';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { DialogActions } from '../../_components/ui/dialog';
import { Form, FormCheckbox, FormError, FormText, setFieldErrors, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';
import { LanguageSelect } from './language-select';

// The address is optional as a whole: typing any part of it asks for the required parts.
const customerForm = createCustomerInput.extend({
  billing_address: z.preprocess(
    (address) => (Object.values(address as Record<string, string>).some((part) => part.trim() !== '') ? address : undefined),
    billingAddressInput.optional(),
  ),
});
const blank = {
  name: '',
  email: '',
  company: '',
  phone: '',
  tax_id: '',
  tax_exempt: false,
  tax_rate_override: '',
  currency: '',
  locale: '',
  billing_address: { line1: '', city: '', postal_code: '', country: '' },
};

export function CreateCustomer() {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const trpc = useTRPC();
  // The same schema the server enforces, so the form can answer before the round trip.
  const form = useZodForm(customerForm, blank);
  const create = useMutation(
    trpc.customers.create.mutationOptions({
      onSuccess(customer) {
        toast.success(`Customer ${customer.name} created`);
        form.reset();
        setOpen(false);
        router.refresh();
      },
      onError: showFieldErrors(setFieldErrors(form)),
    }),
  );

  if (!open) {
    return (
      <Button onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden />
        New customer
      </Button>
    );
  }

  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => <FormText name={name} label={label} {...props} />;

  return (
    <div
      className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-black/40 p-4 pt-16"
      role="presentation"
      onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
    >
      <Card className="w-full max-w-2xl p-6" role="dialog" aria-modal="true" aria-labelledby="new-customer-title">
        <div className="mb-4 flex items-center justify-between">
          <h2 id="new-customer-title" className="text-lg font-semibold">
            New customer
          </h2>
          <Button variant="ghost" aria-label="Close" onClick={() => setOpen(false)}>
            <X className="size-4" aria-hidden />
          </Button>
        </div>
        <Form form={form} onSubmit={(v) => create.mutate(v)} className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            {field('name', 'Name', { autoFocus: true })}
            {field('email', 'E-mail', { type: 'email' })}
            {field('company', 'Company (optional)')}
            {field('phone', 'Phone (optional)')}
            {field('tax_id', 'Tax ID (optional)')}
            {field('currency', 'Currency (optional)', { placeholder: 'Default from settings', maxLength: 3 })}
            <LanguageSelect />
          </div>
          <fieldset className="grid gap-4 border-t border-border pt-4 sm:grid-cols-2">
            <legend className="mb-2 text-sm font-medium text-fg-muted">Tax defaults (optional)</legend>
            <FormCheckbox name="tax_exempt" className="sm:pt-7">
              Tax exempt
            </FormCheckbox>
            <FormText
              name="tax_rate_override"
              label="Tax rate override (%)"
              inputMode="decimal"
              placeholder="Settings’ rate"
              hint="A percent like 7.5, replacing the settings’ rate on this customer’s invoices. Not used while tax exempt."
            />
          </fieldset>
          <fieldset className="grid gap-4 border-t border-border pt-4 sm:grid-cols-2">
            <legend className="mb-2 text-sm font-medium text-fg-muted">Billing address (optional)</legend>
            {field('billing_address.line1', 'Street')}
            {field('billing_address.city', 'City')}
            {field('billing_address.postal_code', 'Postal code')}
            {field('billing_address.country', 'Country code', { placeholder: 'US', maxLength: 2 })}
          </fieldset>
          <FormError />
          <DialogActions onCancel={() => setOpen(false)} pending={create.isPending} submit={create.isPending ? 'Creating…' : 'Create customer'} />
        </Form>
      </Card>
    </div>
  );
}
