import { backWithError, payRoute } from '@/server/http/pay-route';
import { startStripeCheckout } from '@/server/services/start-payment';

export const POST = payRoute(
  async ({ ctx, access, invoiceId, origin }) => Response.redirect(await startStripeCheckout(ctx, { invoiceId, access, origin }), 303),
  backWithError,
);
