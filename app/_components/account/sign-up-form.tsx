'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { passwordMin } from '@/server/schemas/account';
import { signUpInput } from '@/server/schemas/store';
import { countryChoices } from '../../_lib/countries';
import { showFieldErrors } from '../../_lib/form-errors';
import { signUpAction } from '../../sign-up/actions';
import { Button } from '../ui/button';
import { Form, FormError, FormSelect, FormText, setFieldErrors, useZodForm } from '../ui/form';

export type StoreCurrencies = { default: string; all: string[] };

/** Signs in with what was just typed; false when that fails. */
export async function signInWith(email: string, password: string): Promise<boolean> {
  const result = await signIn('credentials', { email, password, redirect: false });
  return Boolean(result?.ok && !result.error);
}

/**
 * Opening a customer account: who, where they are billed, in which currency, and a password
 * whose rule is shown before the first try. Then it signs in and `then` runs (a reload at
 * checkout, so the cart re-prices for the new session; the portal on /sign-up).
 */
export function SignUpForm({ currencies, then }: { currencies: StoreCurrencies; then: () => void }) {
  const [pending, setPending] = useState(false);
  const t = useTranslations('auth');
  // The server's schema answers first, without a round trip.
  const form = useZodForm(signUpInput, {
    name: '',
    email: '',
    company: '',
    billing_address: { line1: '', line2: '', city: '', region: '', postal_code: '', country: '' },
    currency: currencies.default,
    password: '',
  });
  const setErrors = setFieldErrors(form);

  async function onSubmit(values: typeof signUpInput._zod.input) {
    setPending(true);
    try {
      const result = await signUpAction(values);
      if ('ok' in result) {
        if (await signInWith(values.email, values.password)) return then();
        setErrors({ _: t('signUp.signInFailed') });
      } else {
        showFieldErrors(setErrors)({ message: result.message, data: { fields: result.fields } });
      }
    } catch {
      setErrors({ _: t('signUp.unreachable') });
    }
    setPending(false);
  }

  return (
    <Form form={form} onSubmit={onSubmit} className="space-y-4" aria-label={t('signUp.form')}>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormText id="signup-name" name="name" label={t('signUp.name')} autoComplete="name" />
        <FormText id="signup-email" name="email" label={t('signUp.email')} type="email" autoComplete="email" />
        <FormText id="signup-company" name="company" label={t('signUp.company')} autoComplete="organization" />
        <FormSelect id="signup-currency" name="currency" label={t('signUp.currency')} hint={t('signUp.currencyHint')}>
          {currencies.all.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </FormSelect>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">{t('signUp.address')}</legend>
        <div className="sm:col-span-2">
          <FormText id="signup-line1" name="billing_address.line1" label={t('signUp.line1')} autoComplete="address-line1" />
        </div>
        <div className="sm:col-span-2">
          <FormText id="signup-line2" name="billing_address.line2" label={t('signUp.line2')} autoComplete="address-line2" />
        </div>
        <FormText id="signup-city" name="billing_address.city" label={t('signUp.city')} autoComplete="address-level2" />
        <FormText id="signup-postal-code" name="billing_address.postal_code" label={t('signUp.postalCode')} autoComplete="postal-code" />
        <FormText id="signup-region" name="billing_address.region" label={t('signUp.region')} autoComplete="address-level1" />
        <FormSelect id="signup-country" name="billing_address.country" label={t('signUp.country')} autoComplete="country">
          <option value="">{t('signUp.chooseCountry')}</option>
          {countryChoices().map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </FormSelect>
      </fieldset>
      <FormText
        id="signup-password"
        name="password"
        label={t('signUp.password')}
        type="password"
        autoComplete="new-password"
        hint={t('form.passwordRules', { min: passwordMin })}
      />
      <FormError />
      <Button type="submit" disabled={pending}>
        {pending ? t('signUp.creating') : t('signUp.submit')}
      </Button>
    </Form>
  );
}
