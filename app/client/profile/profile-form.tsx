'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { z } from 'zod';
import { localeNames, locales, type Locale } from '@/i18n/locales';
import { Button } from '../../_components/ui/button';
import { Form, FormSelect, FormText, setFieldErrors, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';

type Profile = Record<'name' | 'company' | 'phone' | 'tax_id' | 'line1' | 'line2' | 'city' | 'region' | 'postal_code' | 'country', string> & {
  /** '' follows the desk's default language. */
  locale: Locale | '';
};

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
    locale: z.string(),
  })
  .transform(({ billing_address, locale, ...contact }) => ({
    ...contact,
    billing_address: addressFields.some((name) => billing_address[name].trim() !== '') ? billing_address : null,
    locale: locale === '' ? null : locale,
  }));

/**
 * The client's own details and language; the server's field errors show under their inputs. A
 * new language shows at once: the refresh renders the portal in it.
 */
export function ProfileForm({ profile, deskLocale }: { profile: Profile; deskLocale: Locale }) {
  const router = useRouter();
  const trpc = useTRPC();
  const t = useTranslations('portal.profile');
  const form = useZodForm(profileForm, {
    name: profile.name,
    company: profile.company,
    phone: profile.phone,
    tax_id: profile.tax_id,
    billing_address: Object.fromEntries(addressFields.map((name) => [name, profile[name]])),
    locale: profile.locale,
  });
  const save = useMutation(
    trpc.portal.updateProfile.mutationOptions({
      // An address refused as a whole is shown at its first line.
      onError: showFieldErrors(setFieldErrors(form, { billing_address: 'billing_address.line1' })),
      onSuccess: () => {
        toast.success(t('saved'));
        router.refresh();
      },
    }),
  );

  const field = (name: keyof Profile, label: string, props: { autoComplete?: string; required?: boolean; maxLength?: number } = {}) => {
    const inAddress = (addressFields as readonly string[]).includes(name);
    return <FormText name={inAddress ? `billing_address.${name}` : name} id={inAddress ? `address-${name}` : name} label={label} {...props} />;
  };

  return (
    <Form form={form} onSubmit={(v) => save.mutate(v)} className="space-y-6" aria-label={t('form')}>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 font-semibold">{t('contact')}</legend>
        {field('name', t('name'), { autoComplete: 'name', required: true })}
        {field('company', t('company'), { autoComplete: 'organization' })}
        {field('phone', t('phone'), { autoComplete: 'tel' })}
        {field('tax_id', t('taxId'))}
        <div className="sm:col-span-2">
          <FormSelect name="locale" label={t('language')} hint={t('languageHint')}>
            <option value="">{t('languageDefault', { name: localeNames[deskLocale] })}</option>
            {locales.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {localeNames[locale]}
              </option>
            ))}
          </FormSelect>
        </div>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 font-semibold">{t('address')}</legend>
        <div className="sm:col-span-2">{field('line1', t('line1'), { autoComplete: 'address-line1' })}</div>
        <div className="sm:col-span-2">{field('line2', t('line2'), { autoComplete: 'address-line2' })}</div>
        {field('city', t('city'), { autoComplete: 'address-level2' })}
        {field('region', t('region'), { autoComplete: 'address-level1' })}
        {field('postal_code', t('postalCode'), { autoComplete: 'postal-code' })}
        {field('country', t('country'), { autoComplete: 'country', maxLength: 2 })}
      </fieldset>
      <div className="flex justify-end">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t('saving') : t('save')}
        </Button>
      </div>
    </Form>
  );
}
