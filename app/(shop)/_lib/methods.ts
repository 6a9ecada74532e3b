import type { CheckoutMethod } from '@/server/schemas/payments';

/** How checkout names its payment methods, and what choosing one means. */
export const methodText: Record<CheckoutMethod, { label: string; hint: string }> = {
  stripe: { label: 'Card', hint: 'Pay by card on Stripe’s secure page.' },
  paypal: { label: 'PayPal', hint: 'Pay with your PayPal account.' },
  credit: { label: 'Account credit', hint: 'Pay from your credit balance.' },
  bank_transfer: { label: 'Bank transfer', hint: 'We e-mail the invoice; pay it from your bank.' },
};
