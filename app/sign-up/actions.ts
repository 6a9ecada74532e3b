'use server';

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
  if (!parsed.success) return { message: 'Check the highlighted fields', fields: fieldErrors(parsed.error.issues) };
  if (await currentUser()) return { message: 'You are already signed in; reload the page.' };
  try {
    await signUp(await visitorContext(await headers()), parsed.data);
    return { ok: true };
  } catch (error) {
    return actionFailure(error, 'sign-up');
  }
}
