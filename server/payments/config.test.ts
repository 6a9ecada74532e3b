import { afterEach, describe, expect, it } from 'vitest';
import { paymentSettings } from '../schemas/payments';
import { offeredMethods, resolvePaymentConfig } from './config';

const names = [
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'STRIPE_API_URL',
  'PAYPAL_CLIENT_ID',
  'PAYPAL_CLIENT_SECRET',
  'PAYPAL_WEBHOOK_ID',
  'PAYPAL_API_URL',
];
afterEach(() => {
  for (const name of names) delete process.env[name];
});

describe('payment configuration', () => {
  it('offers only credit and bank transfer when no gateway has keys, and says why', () => {
    const config = resolvePaymentConfig(paymentSettings.parse({}));
    expect(offeredMethods(config)).toEqual(['credit', 'bank_transfer']);
    expect(config.notices).toHaveLength(2);
  });

  it('takes keys from the environment and lets settings override them', () => {
    Object.assign(process.env, {
      STRIPE_SECRET_KEY: 'sk_env',
      STRIPE_WEBHOOK_SECRET: 'whsec_env',
      PAYPAL_CLIENT_ID: 'env-id',
      PAYPAL_CLIENT_SECRET: 'env-secret',
      PAYPAL_WEBHOOK_ID: 'WH-1',
    });
    const fromEnv = resolvePaymentConfig(paymentSettings.parse({}));
    expect(fromEnv.stripe).toMatchObject({ secretKey: 'sk_env', webhookSecret: 'whsec_env', apiUrl: undefined });
    expect(fromEnv.paypal).toMatchObject({ clientId: 'env-id', apiUrl: 'https://api-m.sandbox.paypal.com' });
    expect(offeredMethods(fromEnv)).toEqual(['stripe', 'paypal', 'credit', 'bank_transfer']);

    const overridden = resolvePaymentConfig(
      paymentSettings.parse({
        stripe: { secret_key: 'sk_settings' },
        paypal: { mode: 'live', client_id: 'settings-id' },
        bank_transfer: { enabled: false },
        credit_enabled: false,
      }),
    );
    expect(overridden.stripe?.secretKey).toBe('sk_settings');
    expect(overridden.paypal).toMatchObject({ clientId: 'settings-id', clientSecret: 'env-secret', apiUrl: 'https://api-m.paypal.com' });
    expect(offeredMethods(overridden)).toEqual(['stripe', 'paypal']);
  });

  it('hides a gateway switched off even when its keys are set', () => {
    Object.assign(process.env, { STRIPE_SECRET_KEY: 'sk_env', STRIPE_WEBHOOK_SECRET: 'whsec_env' });
    const config = resolvePaymentConfig(paymentSettings.parse({ stripe: { enabled: false } }));
    expect(config.stripe).toBeNull();
    expect(config.notices).toEqual([expect.stringContaining('PayPal')]);
  });
});
