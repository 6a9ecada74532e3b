'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import type { FieldErrors } from '@/server/errors';
import { Button } from '../../_components/ui/button';
import { TextField } from '../../_components/ui/field';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';

type Profile = Record<'name' | 'company' | 'phone' | 'tax_id' | 'line1' | 'line2' | 'city' | 'region' | 'postal_code' | 'country', string>;

const addressFields = ['line1', 'line2', 'city', 'region', 'postal_code', 'country'] as const;

/** The client's own details; the server's field errors show under their inputs. */
export function ProfileForm({ profile }: { profile: Profile }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(
    trpc.portal.updateProfile.mutationOptions({
      onError: showFieldErrors(setErrors),
      onSuccess: () => {
        setErrors({});
        toast.success('Profile saved');
        router.refresh();
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: keyof Profile) => String(form.get(name) ?? '');
    // An address left wholly empty is no address; a partly filled one is checked field by field.
    const address = Object.fromEntries(addressFields.map((name) => [name, value(name)])) as Record<(typeof addressFields)[number], string>;
    const hasAddress = addressFields.some((name) => address[name].trim() !== '');
    save.mutate({
      name: value('name'),
      company: value('company'),
      phone: value('phone'),
      tax_id: value('tax_id'),
      billing_address: hasAddress ? address : null,
    });
  }

  const field = (name: keyof Profile, label: string, props: { autoComplete?: string; required?: boolean; maxLength?: number } = {}) => {
    const inAddress = (addressFields as readonly string[]).includes(name);
    // The server names address errors by their path ("billing_address.city").
    const error = inAddress ? (errors[`billing_address.${name}`] ?? (name === 'line1' ? errors.billing_address : undefined)) : errors[name];
    return <TextField name={name} id={inAddress ? `address-${name}` : name} label={label} defaultValue={profile[name]} error={error} {...props} />;
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-6" aria-label="Profile">
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 font-semibold">Contact</legend>
        {field('name', 'Name', { autoComplete: 'name', required: true })}
        {field('company', 'Company', { autoComplete: 'organization' })}
        {field('phone', 'Phone', { autoComplete: 'tel' })}
        {field('tax_id', 'Tax ID')}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 font-semibold">Billing address</legend>
        <div className="sm:col-span-2">{field('line1', 'Address line 1', { autoComplete: 'address-line1' })}</div>
        <div className="sm:col-span-2">{field('line2', 'Address line 2', { autoComplete: 'address-line2' })}</div>
        {field('city', 'City', { autoComplete: 'address-level2' })}
        {field('region', 'Region / state', { autoComplete: 'address-level1' })}
        {field('postal_code', 'Postal code', { autoComplete: 'postal-code' })}
        {field('country', 'Country (two letters, like US)', { autoComplete: 'country', maxLength: 2 })}
      </fieldset>
      <div className="flex justify-end">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save profile'}
        </Button>
      </div>
    </form>
  );
}
