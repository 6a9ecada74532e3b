'use server';

import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { visitorContext } from '@/server/context';
import { publicOrigin } from '@/server/env';
import { AppError, fieldErrors, type FieldErrors } from '@/server/errors';
import { requestPasswordResetInput, resetPasswordInput } from '@/server/schemas/account';
import { camelized } from '@/server/schemas/common';
import { requestPasswordReset, resetPassword } from '@/server/services/account/password-reset';

// Thin adapters, like checkout's: the visitor has no session, and the throttles need their
// address. Errors come back as values: a thrown message would be redacted.

export type ResetResult = { ok: true } | { ok: false; message: string; fields?: FieldErrors | undefined };

const visitor = async () => visitorContext(await headers());

const failure = async (error: unknown): Promise<ResetResult> => {
  if (error instanceof AppError) return { ok: false, message: error.message, fields: error.fields };
  console.error('[account] password reset failed', error);
  return { ok: false, message: (await getTranslations('auth.reset'))('failed') };
};

const invalid = async (issues: Parameters<typeof fieldErrors>[0]): Promise<ResetResult> => ({
  ok: false,
  message: (await getTranslations('auth.form'))('checkFields'),
  fields: fieldErrors(issues),
});

/** Always the same answer for any e-mail, so the form tells no one who has an account. */
export async function requestResetAction(raw: unknown): Promise<ResetResult> {
  const parsed = requestPasswordResetInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues);
  try {
    // Links in e-mails come from the configured public URL, never from request headers.
    await requestPasswordReset(await visitor(), { email: parsed.data.email, origin: publicOrigin() });
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

export async function resetPasswordAction(raw: unknown): Promise<ResetResult> {
  const parsed = camelized(resetPasswordInput).safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues);
  try {
    await resetPassword(await visitor(), parsed.data);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}
