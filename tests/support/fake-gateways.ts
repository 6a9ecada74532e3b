/**
 * Local fakes of Stripe's and PayPal's HTTP APIs for integration tests and Playwright e2e (there is
 * no network here). Each is stateful, answers in the real response shapes, signs its webhooks as the
 * provider does and serves the browser pieces (Stripe's hosted Checkout page, PayPal's JS SDK).
 * e2e/fake-gateways.ts runs both on fixed ports.
 */
export { type FakeStripe, type FakeStripeOptions, parseStripeForm, startFakeStripe } from './fake-stripe';
export {
  type FakePayPal,
  type FakePayPalOptions,
  type PayPalCapture,
  type PayPalMoney,
  type PayPalOrder,
  type PayPalRefund,
  type PayPalWebhookEvent,
  startFakePayPal,
} from './fake-paypal';
