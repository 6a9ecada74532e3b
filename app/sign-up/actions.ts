'use server';

import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { currentUser } from '@/server/auth/next-auth';
import { visitorContext } from '@/server/context';
import { fieldErrors } from '@/server/errors';
import { camelized } from '@/server/schemas/common';
import { signUpInput } from '@/server/schemas/store';
import { signUp } from '@/server/services/account/sign-up';
import { actionFailure, type ActionFailure } from '../_lib/action-failure';

// A server action rather than a tRPC mutation: sign-up needs the caller's address to slow down
// account spraying, and Next.js refuses actions posted from another origin.

/** Opens a customer account with its login; the form then signs in with the same password. */
export async function signUpAction(raw: unknown): Promise<ActionFailure | { ok: true }> {
  const parsed = camelized(signUpInput).safeParse(raw);
  const t = await getTranslations('auth');
  if (!parsed.success) return { message: t('form.checkFields'), fields: fieldErrors(parsed.error.issues) };
  if (await currentUser()) return { message: t('signUp.alreadySignedIn') };
  try {
    await signUp(await visitorContext(await headers()), parsed.data);
    return { ok: true };
  } catch (error) {
    return actionFailure(error, 'sign-up');
  }
}
