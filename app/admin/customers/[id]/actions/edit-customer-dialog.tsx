'use client';

import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { billingAddressInput, updateCustomerInput } from '@/server/schemas/customers';
import type { CustomerView } from '@/server/services/customers/store';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormError, FormText, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';
import { LanguageSelect } from '../../language-select';

export type EditableCustomer = {
  id: string;
  name: string;
  email: string;
  company: string | null;
  phone: string | null;
  taxId: string | null;
  currency: string;
  locale: CustomerView['locale'];
  billingAddress: CustomerView['billingAddress'];
};

// The server's own rules; an address left wholly empty clears it, any part typed asks for the required parts.
const editForm = updateCustomerInput.pick({ name: true, email: true, company: true, phone: true, tax_id: true, currency: true, locale: true }).extend({
  billing_address: z.preprocess(
    (address) => (Object.values(address as Record<string, string>).some((part) => part.trim() !== '') ? address : null),
    billingAddressInput.nullable(),
  ),
});

/**
 * Edit customer: contact, tax id, currency, language and billing address, through the same service as
 * PATCH /api/v1/customers/:id. The currency is refused there (under its field) once anything is
 * billed; tax defaults and the reseller keep their own dialogs beside the fields they show.
 */
export function EditCustomerDialog({ customer, onClose }: { customer: EditableCustomer; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const address = customer.billingAddress;
  const form = useZodForm(editForm, {
    name: customer.name,
    email: customer.email,
    company: customer.company ?? '',
    phone: customer.phone ?? '',
    tax_id: customer.taxId ?? '',
    currency: customer.currency,
    locale: customer.locale ?? '',
    billing_address: {
      line1: address?.line1 ?? '',
      line2: address?.line2 ?? '',
      city: address?.city ?? '',
      region: address?.region ?? '',
      postal_code: address?.postalCode ?? '',
      country: address?.country ?? '',
    },
  });
  const update = useMutation(
    trpc.customers.update.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      onSuccess: () => finish('Customer saved'),
    }),
  );
  return (
    <Dialog open onOpenChange={(o) => o || onClose()} title="Edit customer" description="Issued invoices keep the details they were numbered with.">
      <Form form={form} className="space-y-4" onSubmit={(v) => update.mutate({ id: customer.id, ...v })}>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormText name="name" label="Name" autoFocus />
          <FormText name="email" label="E-mail" type="email" />
          <FormText name="company" label="Company (optional)" />
          <FormText name="phone" label="Phone (optional)" />
          <FormText name="tax_id" label="Tax ID (optional)" />
          <FormText name="currency" label="Currency" maxLength={3} hint="Only while nothing is billed: no invoice, order or credit entry yet." />
          <LanguageSelect />
        </div>
        <fieldset className="grid gap-4 border-t border-border pt-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-medium text-fg-muted">Billing address (optional)</legend>
          <FormText name="billing_address.line1" label="Street" />
          <FormText name="billing_address.line2" label="Address line 2" />
          <FormText name="billing_address.city" label="City" />
          <FormText name="billing_address.region" label="Region" />
          <FormText name="billing_address.postal_code" label="Postal code" />
          <FormText name="billing_address.country" label="Country code" placeholder="US" maxLength={2} />
        </fieldset>
        <FormError />
        <DialogActions onCancel={onClose} pending={update.isPending} submit="Save changes" />
      </Form>
    </Dialog>
  );
}
