import { backWithError, payLinkRoute, payRoute, type Payer } from '@/server/http/pay-route';
import { startStripeCheckout } from '@/server/services/payments/start-checkout';

const toCheckout = async ({ ctx, access, invoiceId, origin }: Payer) => Response.redirect(await startStripeCheckout(ctx, { invoiceId, access, origin }), 303);

/** The pay page's "Pay by card" button. */
export const POST = payRoute(toCheckout, backWithError);
/** The "pay by card now" link in invoice e-mails. */
export const GET = payLinkRoute(toCheckout, backWithError);
