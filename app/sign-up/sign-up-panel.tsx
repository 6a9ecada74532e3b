'use client';

import { SignUpForm, type StoreCurrencies } from '../_components/account/sign-up-form';

/** The sign-up form, then a full navigation so every layout renders with the new session. */
export function SignUpPanel({ currencies, next }: { currencies: StoreCurrencies; next: string }) {
  return <SignUpForm currencies={currencies} then={() => window.location.assign(next)} />;
}
