'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { z } from 'zod';
import { Button } from '../../_components/ui/button';
import { Form, FormText, setFieldErrors, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';

type Profile = Record<'name' | 'company' | 'phone' | 'tax_id' | 'line1' | 'line2' | 'city' | 'region' | 'postal_code' | 'country', string>;

const addressFields = ['line1', 'line2', 'city', 'region', 'postal_code', 'country'] as const;

// The server checks the profile (updateOwnProfileInput); the form only shapes it: an address
// left wholly empty is no address, a partly filled one is checked field by field.
const profileForm = z
  .object({
    name: z.string(),
    company: z.string(),
    phone: z.string(),
    tax_id: z.string(),
    billing_address: z.object(Object.fromEntries(addressFields.map((name) => [name, z.string()])) as Record<(typeof addressFields)[number], z.ZodString>),
  })
  .transform(({ billing_address, ...contact }) => ({
    ...contact,
    billing_address: addressFields.some((name) => billing_address[name].trim() !== '') ? billing_address : null,
  }));

/** The client's own details; the server's field errors show under their inputs. */
export function ProfileForm({ profile }: { profile: Profile }) {
  const router = useRouter();
  const trpc = useTRPC();
  const form = useZodForm(profileForm, {
    name: profile.name,
    company: profile.company,
    phone: profile.phone,
    tax_id: profile.tax_id,
    billing_address: Object.fromEntries(addressFields.map((name) => [name, profile[name]])),
  });
  const save = useMutation(
    trpc.portal.updateProfile.mutationOptions({
      // An address refused as a whole is shown at its first line.
      onError: showFieldErrors(setFieldErrors(form, { billing_address: 'billing_address.line1' })),
      onSuccess: () => {
        toast.success('Profile saved');
        router.refresh();
      },
    }),
  );

  const field = (name: keyof Profile, label: string, props: { autoComplete?: string; required?: boolean; maxLength?: number } = {}) => {
    const inAddress = (addressFields as readonly string[]).includes(name);
    return <FormText name={inAddress ? `billing_address.${name}` : name} id={inAddress ? `address-${name}` : name} label={label} {...props} />;
  };

  return (
    <Form form={form} onSubmit={(v) => save.mutate(v)} className="space-y-6" aria-label="Profile">
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
    </Form>
  );
}
