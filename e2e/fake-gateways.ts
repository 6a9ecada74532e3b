// Runs the fake Stripe and PayPal APIs on fixed ports for the Playwright suite, which has no network:
//   npx tsx e2e/fake-gateways.ts
// Point the app at them with STRIPE_API_URL=http://127.0.0.1:<FAKE_STRIPE_PORT>,
// PAYPAL_API_URL and PAYPAL_SDK_URL=http://127.0.0.1:<FAKE_PAYPAL_PORT>[/sdk/js], and the same
// STRIPE_WEBHOOK_SECRET / PAYPAL_WEBHOOK_ID / PAYPAL_CLIENT_ID / PAYPAL_CLIENT_SECRET as below.
// Both answer GET /health; one line is logged once both listen.
import { startFakePayPal, startFakeStripe } from '../tests/support/fake-gateways';

const env = (name: string, fallback: string) => process.env[name] || fallback;
const port = (name: string, fallback: number) => {
  const value = Number(env(name, String(fallback)));
  if (!Number.isInteger(value) || value <= 0 || value > 65535) throw new Error(`${name} must be a port number`);
  return value;
};

const webhookBase = env('FAKE_WEBHOOK_BASE', `http://127.0.0.1:${env('E2E_PORT', '3100')}`).replace(/\/$/, '');

const stripe = await startFakeStripe({
  port: port('FAKE_STRIPE_PORT', 3191),
  webhookSecret: env('STRIPE_WEBHOOK_SECRET', 'whsec_e2e_fake_gateways'),
  webhookUrl: `${webhookBase}/api/webhooks/stripe`,
});
const paypal = await startFakePayPal({
  port: port('FAKE_PAYPAL_PORT', 3192),
  webhookId: env('PAYPAL_WEBHOOK_ID', 'WH-E2E-FAKE-GATEWAYS'),
  clientId: env('PAYPAL_CLIENT_ID', 'e2e-paypal-client'),
  clientSecret: env('PAYPAL_CLIENT_SECRET', 'e2e-paypal-secret'),
  webhookUrl: `${webhookBase}/api/webhooks/paypal`,
});

console.info(
  `fake gateways ready: stripe ${stripe.url} paypal ${paypal.url} (sdk ${paypal.url}/sdk/js) webhooks to ${webhookBase}/api/webhooks/{stripe,paypal}`,
);

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  void Promise.all([stripe.close(), paypal.close()]).finally(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
