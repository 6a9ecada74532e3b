'use server';

import { cookies, headers } from 'next/headers';
import { localeCookie } from '@/i18n/locales';
import { sessionContext } from '@/server/context';
import { fieldErrors } from '@/server/errors';
import { updateOwnLocaleInput } from '@/server/schemas/profile';
import { updateOwnLocale } from '@/server/services/customers/update-own-locale';
import { actionFailure, type ActionFailure } from '../../_lib/action-failure';

const year = 365 * 24 * 60 * 60;

/**
 * The language switcher's choice: a cookie for any visitor, and for a signed-in client their
 * account's language too, which outranks the cookie (i18n/request.ts) and is what their
 * invoices and e-mails are written in.
 */
export async function chooseLocaleAction(locale: string): Promise<ActionFailure | { ok: true }> {
  const parsed = updateOwnLocaleInput.safeParse({ locale });
  if (!parsed.success) return { message: 'Choose one of the languages offered', fields: fieldErrors(parsed.error.issues) };
  (await cookies()).set(localeCookie, parsed.data.locale, { maxAge: year, path: '/', sameSite: 'lax' });
  const ctx = await sessionContext(await headers());
  if (ctx?.actor.role === 'client') {
    try {
      await updateOwnLocale(ctx, parsed.data);
    } catch (error) {
      return actionFailure(error, 'locale');
    }
  }
  return { ok: true };
}
