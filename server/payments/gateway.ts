/**
 * What Cashdesk needs from a payment provider. The payments issue implements Stripe and PayPal
 * (checkout, capture, webhooks); the billing core only needs refunds to go back the way the
 * money came.
 */
export interface PaymentGateway {
  readonly provider: 'stripe' | 'paypal';
  refund(input: { providerPaymentId: string; amount: bigint; currency: string; idempotencyKey: string }): Promise<{ providerRefundId: string }>;
}

const gateways = new Map<string, PaymentGateway>();

export function registerGateway(gateway: PaymentGateway): void {
  gateways.set(gateway.provider, gateway);
}

export function gatewayFor(provider: string): PaymentGateway | undefined {
  return gateways.get(provider);
}
