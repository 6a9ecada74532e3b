/**
 * Stripe takes the three-decimal currencies only in whole hundredths: an amount in their minor
 * unit (fils, baisa, millime) must be a multiple of 10, and Stripe refuses any other.
 * https://docs.stripe.com/currencies#three-decimal
 */
export const stripeTensCurrencies: ReadonlySet<string> = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

const step = (currency: string) => (stripeTensCurrencies.has(currency) ? 10n : 1n);

/** Whether Stripe accepts `amount` minor units of `currency` as written. */
export function stripeAccepts(amount: bigint, currency: string): boolean {
  return amount % step(currency) === 0n;
}

/**
 * What Stripe is asked to charge for `owed` minor units (more than 0): the amount itself, or for a
 * three-decimal currency the next multiple of 10 up (12.345 KWD → 12.350, 12.340 stays). Up,
 * never to the nearest: a card payment must settle the invoice, since the 1–4 fils rounding down
 * would leave could never be paid by card (Stripe refuses them too). The invoice keeps its exact
 * total; the 1–9 minor units charged over it are the customer's credit (see
 * recordGatewayPayment).
 */
export function stripeChargeAmount(owed: bigint, currency: string): bigint {
  const unit = step(currency);
  const rest = owed % unit;
  return rest === 0n ? owed : owed - rest + unit;
}
