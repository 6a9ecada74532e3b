import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, settings } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { readPaymentConfig } from '@/server/payments/config';
import { paymentSettingsInput } from '@/server/schemas/payments';
import { getPaymentSettings, updatePaymentSettings } from '@/server/services/settings/payments';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();

const input = (overrides: { secret_key?: string; client_secret?: string } = {}) =>
  paymentSettingsInput.parse({
    stripe: { enabled: true, secret_key: overrides.secret_key ?? '', webhook_secret: '' },
    paypal: { enabled: true, mode: 'sandbox', client_id: 'app-id', client_secret: overrides.client_secret ?? '', webhook_id: 'WH-9' },
    bank_transfer: { enabled: true, instructions: 'IBAN DE00 1234' },
    credit_enabled: true,
    terms_url: 'https://example.test/terms',
  });

describe('Settings → Payments', () => {
  it('seals secrets at rest, never returns or audits them, and keeps them when left empty', async () => {
    const admin = ctxOf(db(), systemActor());
    const view = await updatePaymentSettings(admin, input({ secret_key: 'sk_test_super_secret', client_secret: 'paypal-secret-value' }));
    expect(view.stripe.secret_key).toBe('settings');
    expect(view.paypal.client_secret).toBe('settings');
    expect(JSON.stringify(view)).not.toContain('super_secret');

    const [row] = await db().select().from(settings).where(eq(settings.key, 'payments'));
    expect(JSON.stringify(row!.value)).not.toContain('sk_test_super_secret');
    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, 'payments'));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ stripe: { secret_key: '••••' } });
    expect(JSON.stringify(audits.map((a) => [a.before, a.after]))).not.toMatch(/super_secret|paypal-secret-value|sealed:/);

    await updatePaymentSettings(admin, input());
    const config = await readPaymentConfig(db());
    expect(config.paypal).toMatchObject({ clientId: 'app-id', clientSecret: 'paypal-secret-value', webhookId: 'WH-9' });
    // Stripe still lacks its webhook secret: hidden from customers, with a notice for the admin.
    expect(config.stripe).toBeNull();
    // (The other notice: bank transfer is on by default and this book has no bank details.)
    expect((await getPaymentSettings(admin)).notices).toEqual([expect.stringContaining('Stripe'), expect.stringContaining('no bank details')]);
  });

  it('refuses a malformed key and anyone but an admin', async () => {
    expect(paymentSettingsInput.safeParse({ ...input(), stripe: { enabled: true, secret_key: 'pk_live_x', webhook_secret: '' } }).success).toBe(false);
    const staff = await givenUser(db(), 'staff', { permissions: ['invoices.view'] });
    await expect(updatePaymentSettings(ctxOf(db(), staff.actor), input())).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getPaymentSettings(ctxOf(db(), staff.actor))).rejects.toMatchObject({ code: 'forbidden' });
  });
});
