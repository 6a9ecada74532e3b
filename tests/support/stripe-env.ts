import { afterAll, beforeAll } from 'vitest';
import { startFakeStripe, type FakeStripe } from './fake-stripe';

/**
 * A fake Stripe for the whole test file, installed as the server's Stripe through the
 * environment before the first test and removed after the last; call the result for the fake.
 */
export function withFakeStripe(webhookSecret: string, secretKey = 'sk_test_cashdesk'): () => FakeStripe {
  let stripe: FakeStripe | undefined;
  beforeAll(async () => {
    stripe = await startFakeStripe({ webhookSecret });
    process.env.STRIPE_SECRET_KEY = secretKey;
    process.env.STRIPE_WEBHOOK_SECRET = webhookSecret;
    process.env.STRIPE_API_URL = stripe.url;
  });
  afterAll(async () => {
    delete process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_WEBHOOK_SECRET;
    delete process.env.STRIPE_API_URL;
    await stripe?.close();
  });
  return () => stripe!;
}
