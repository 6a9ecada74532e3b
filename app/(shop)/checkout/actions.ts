'use server';

import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { sessionContext } from '@/server/context';
import { fieldErrors } from '@/server/errors';
import { camelized } from '@/server/schemas/common';
import { checkoutInput } from '@/server/schemas/store';
import { payWithCredit } from '@/server/services/payments/pay-with-credit';
import { placeStoreOrder } from '@/server/services/storefront/place-order';
import { actionFailure, type ActionFailure } from '../../_lib/action-failure';

// Placing the order is a server action, a thin adapter like the tRPC routers: it ends in a
// redirect to the order's confirmation page. Next.js refuses actions posted from another
// origin. Errors come back as values: a thrown message would be redacted.

/**
 * Places the cart as the signed-in client's order and opens its confirmation page, where the
 * first invoice is paid by the chosen method (WHMCS's "complete" step). Credit is drawn at
 * once, as the customer asked; if that fails the order stands and the page offers the invoice.
 */
export async function placeOrderAction(raw: unknown): Promise<ActionFailure> {
  const parsed = camelized(checkoutInput).safeParse(raw);
  if (!parsed.success) return { message: (await getTranslations('auth.form'))('checkFields'), fields: fieldErrors(parsed.error.issues) };
  const ctx = await sessionContext(await headers());
  if (!ctx) return { message: (await getTranslations('shop.checkout'))('signInFirst') };
  let order: Awaited<ReturnType<typeof placeStoreOrder>>;
  try {
    order = await placeStoreOrder(ctx, parsed.data);
  } catch (error) {
    return actionFailure(error, 'store');
  }
  if (parsed.data.paymentMethod === 'credit') {
    try {
      await payWithCredit(ctx, { invoiceId: order.invoiceId! });
    } catch (error) {
      console.error('[store] could not pay order from credit', order.number, error);
    }
  }
  // Outside the try blocks: redirect() works by throwing.
  redirect(`/checkout/complete/${order.id}`);
}
