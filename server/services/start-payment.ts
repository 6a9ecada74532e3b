import type { CheckoutMethod } from '../schemas/payments';
import type { ServiceContext } from './context';

/**
 * Where to send a customer who chose `method` for an invoice: the gateway's hosted page
 * (Stripe Checkout), the pay page (PayPal buttons), the return page after paying from credit,
 * or the invoice with bank details. `origin` is this server's public origin for return URLs.
 */
export async function paymentRedirect(
  ctx: ServiceContext,
  input: { invoiceId: string; method: CheckoutMethod; origin: string },
): Promise<string> {
  void ctx;
  return `${input.origin}/client/invoices/${input.invoiceId}/pay?method=${input.method}`;
}
