import { payRoute } from '@/server/http/pay-route';
import { toErrorResponse } from '@/server/rest/http-errors';
import { startPayPalOrder } from '@/server/services/payments/start-checkout';

// Called by the PayPal buttons' createOrder: answers the order id for PayPal's popup.
export const POST = payRoute(
  async ({ ctx, access, invoiceId }) => Response.json(await startPayPalOrder(ctx, { invoiceId, access })),
  (error) => toErrorResponse(error),
);
