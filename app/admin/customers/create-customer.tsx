'use client';

import { useMutation } from '@tanstack/react-query';
import { Plus, X } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { type FieldErrors, fieldErrors } from '@/server/errors';
import { createCustomerInput } from '@/server/schemas/customers';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { DialogActions } from '../../_components/ui/dialog';
import { TextField } from '../../_components/ui/field';
import { useTRPC } from '../../_lib/trpc';

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

// The address is optional as a whole: typing any part of it asks for the required parts.
function payloadOf(form: FormData) {
  const address = ['line1', 'city', 'postal_code', 'country'].map((k) => text(form, `billing_address.${k}`).trim());
  return {
    name: text(form, 'name'),
    email: text(form, 'email'),
    company: text(form, 'company'),
    phone: text(form, 'phone'),
    tax_id: text(form, 'tax_id'),
    currency: text(form, 'currency'),
    billing_address: address.some(Boolean)
      ? { line1: address[0], city: address[1], postal_code: address[2], country: address[3] }
      : undefined,
  };
}

export function CreateCustomer() {
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(
    trpc.customers.create.mutationOptions({
      onSuccess(customer) {
        toast.success(`Customer ${customer.name} created`);
        setErrors({});
        setOpen(false);
        router.refresh();
      },
      onError(error) {
        const fields = error.data?.fields;
        if (fields) setErrors(fields);
        else toast.error(error.message);
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The same schema the server enforces, so the form can answer before the round trip.
    const parsed = createCustomerInput.safeParse(payloadOf(new FormData(event.currentTarget)));
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    create.mutate(parsed.data);
  }

  if (!open) {
    return (
      <Button onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden />
        New customer
      </Button>
    );
  }

  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => <TextField name={name} label={label} error={errors[name]} {...props} />;

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
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            {field('name', 'Name', { autoFocus: true })}
            {field('email', 'E-mail', { type: 'email' })}
            {field('company', 'Company (optional)')}
            {field('phone', 'Phone (optional)')}
            {field('tax_id', 'Tax ID (optional)')}
            {field('currency', 'Currency (optional)', { placeholder: 'Default from settings', maxLength: 3 })}
          </div>
          <fieldset className="grid gap-4 border-t border-border pt-4 sm:grid-cols-2">
            <legend className="mb-2 text-sm font-medium text-fg-muted">Billing address (optional)</legend>
            {field('billing_address.line1', 'Street')}
            {field('billing_address.city', 'City')}
            {field('billing_address.postal_code', 'Postal code')}
            {field('billing_address.country', 'Country code', { placeholder: 'US', maxLength: 2 })}
          </fieldset>
          {errors._ ? <p className="text-sm text-danger">{errors._}</p> : null}
          <DialogActions onCancel={() => setOpen(false)} pending={create.isPending} submit={create.isPending ? 'Creating…' : 'Create customer'} />
        </form>
      </Card>
    </div>
  );
}
