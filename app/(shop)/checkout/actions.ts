'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/next-auth';
import { sessionContext, visitorContext } from '@/server/context';
import { publicOrigin } from '@/server/env';
import { AppError, fieldErrors, type FieldErrors } from '@/server/errors';
import { camelized } from '@/server/schemas/common';
import { checkoutInput, signUpInput } from '@/server/schemas/store';
import { signUp } from '@/server/services/account/sign-up';
import { paymentRedirect } from '@/server/services/payments/start-checkout';
import { placeStoreOrder } from '@/server/services/storefront/place-order';

// Checkout's two writes are server actions, thin adapters like the tRPC routers: placing the
// order ends in a redirect to wherever payment happens (possibly another site), and sign-up
// needs the caller's address to slow down account spraying. Next.js refuses actions posted
// from another origin. Errors come back as values: a thrown message would be redacted.

/** `placed`: the order exists although what came after failed, so the cart must not come back. */
export type ActionFailure = { message: string; fields?: FieldErrors | undefined; placed?: { number: string; href: string } };

const failure = (error: unknown): ActionFailure => {
  if (error instanceof AppError) return { message: error.message, fields: error.fields };
  console.error('[store] checkout action failed', error);
  return { message: 'Something went wrong on our side and nothing was changed. Please try again.' };
};

/** Opens a customer account with its login; the form then signs in with the same password. */
export async function signUpAction(raw: unknown): Promise<ActionFailure | { ok: true }> {
  const parsed = signUpInput.safeParse(raw);
  if (!parsed.success) return { message: 'Check the highlighted fields', fields: fieldErrors(parsed.error.issues) };
  if (await currentUser()) return { message: 'You are already signed in; reload the page.' };
  try {
    await signUp(await visitorContext(await headers()), parsed.data);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

/** Places the cart as the signed-in client's order, then sends them to pay its first invoice. */
export async function placeOrderAction(raw: unknown): Promise<ActionFailure> {
  const parsed = camelized(checkoutInput).safeParse(raw);
  if (!parsed.success) return { message: 'Check the highlighted fields', fields: fieldErrors(parsed.error.issues) };
  const ctx = await sessionContext(await headers());
  if (!ctx) return { message: 'Sign in or create an account to place your order.' };
  let order: Awaited<ReturnType<typeof placeStoreOrder>>;
  try {
    order = await placeStoreOrder(ctx, parsed.data);
  } catch (error) {
    return failure(error);
  }
  let target: string;
  try {
    target = await paymentRedirect(ctx, { invoiceId: order.invoiceId!, method: parsed.data.paymentMethod, origin: publicOrigin() });
  } catch (error) {
    // The order stands; only starting the payment failed, and the portal can start it again.
    console.error('[store] could not start payment for order', order.number, error);
    return {
      message: `Your order ${order.number} is placed, but the payment could not be started. You can pay it from your account.`,
      placed: { number: order.number, href: '/client' },
    };
  }
  // Outside the try blocks: redirect() works by throwing.
  redirect(target);
}
