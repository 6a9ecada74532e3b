import { backWithError, payRoute } from '@/server/http/pay-route';
import { payWithCredit } from '@/server/services/payments/pay-with-credit';

export const POST = payRoute(async ({ ctx, invoiceId, origin }) => {
  await payWithCredit(ctx, { invoiceId });
  return Response.redirect(`${origin}/pay/return?provider=credit&invoice=${invoiceId}`, 303);
}, backWithError);
