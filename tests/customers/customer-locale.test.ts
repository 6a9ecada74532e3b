import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getCustomerRoute, PATCH as patchCustomerRoute } from '@/app/api/v1/customers/[id]/route';
import { POST as createCustomerRoute, GET as listCustomersRoute } from '@/app/api/v1/customers/route';
import { GET as getSettingsRoute, PATCH as patchSettingsRoute } from '@/app/api/v1/settings/billing/route';
import { auditLog, customers } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import type { Actor } from '@/server/auth/actor';
import { withTestDatabase } from '../support/database';
import { givenApiKey, givenCustomer, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';

const { db } = withTestDatabase();
let admin: Actor;
let key: string;

beforeAll(async () => {
  admin = (await givenUser(db(), 'admin')).actor;
  key = await givenApiKey(db(), 'admin');
});

const create = (body: unknown) => createCustomerRoute(apiRequest('/api/v1/customers', { method: 'POST', body, key }), params());
const patch = (id: string, body: unknown) => patchCustomerRoute(apiRequest(`/api/v1/customers/${id}`, { method: 'PATCH', body, key }), params({ id }));
const get = (id: string) => getCustomerRoute(apiRequest(`/api/v1/customers/${id}`, { key }), params({ id }));
const patchSettings = (body: unknown) => patchSettingsRoute(apiRequest('/api/v1/settings/billing', { method: 'PATCH', body, key }), params());
const stored = async (id: string) => (await db().select({ locale: customers.locale }).from(customers).where(eq(customers.id, id)))[0]!.locale;
const caller = () => createCaller({ db: db(), actor: admin, origin: 'http://localhost' });

describe('a customer’s language over REST', () => {
  it('creates a customer in a language given in any case, and reads it back as its BCP 47 tag', async () => {
    const response = await create({ name: 'Rio', email: 'rio@locale.test', locale: 'pt-br' });
    expect(response.status).toBe(201);
    const customer = await response.json();
    expect(customer.locale).toBe('pt-BR');
    expect(await stored(customer.id)).toBe('pt-BR');
    expect((await (await get(customer.id)).json()).locale).toBe('pt-BR');
  });

  it('answers a customer who chose none with the desk’s default language, which follows the settings', async () => {
    const customer = await (await create({ name: 'Plain', email: 'plain@locale.test' })).json();
    expect(customer.locale).toBe('en');
    expect(await stored(customer.id)).toBeNull();

    expect((await patchSettings({ default_locale: 'de' })).status).toBe(200);
    try {
      expect((await (await get(customer.id)).json()).locale).toBe('de');
      const list = await (await listCustomersRoute(apiRequest('/api/v1/customers?q=plain@locale.test', { key }), params())).json();
      expect(list.data.map((c: { locale: string }) => c.locale)).toEqual(['de']);
    } finally {
      await patchSettings({ default_locale: 'en' });
    }
  });

  it('refuses a language we do not have with 400 and the field’s message, creating and changing nothing', async () => {
    const refused = await create({ name: 'Nowhere', email: 'nowhere@locale.test', locale: 'xx' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({ code: 'validation_error', fields: { locale: 'must be one of en, de, fr, es, pt-BR' } });
    expect(await db().select().from(customers).where(eq(customers.email, 'nowhere@locale.test'))).toHaveLength(0);

    const customer = await givenCustomer(db());
    const response = await patch(customer.id, { locale: 'klingon' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual({ locale: 'must be one of en, de, fr, es, pt-BR' });
    expect(await stored(customer.id)).toBeNull();
  });

  it('changes it with PATCH and with null returns the customer to the desk’s default, audited', async () => {
    const customer = await givenCustomer(db());
    const chosen = await patch(customer.id, { locale: 'FR' });
    expect(chosen.status).toBe(200);
    expect((await chosen.json()).locale).toBe('fr');
    expect(await stored(customer.id)).toBe('fr');

    const reset = await patch(customer.id, { locale: null });
    expect(reset.status).toBe(200);
    expect((await reset.json()).locale).toBe('en');
    expect(await stored(customer.id)).toBeNull();

    const entries = await db()
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'customer'), eq(auditLog.entityId, customer.id), eq(auditLog.action, 'customer.updated')))
      .orderBy(asc(auditLog.id));
    expect(entries.map((e) => [(e.before as { locale: unknown }).locale, (e.after as { locale: unknown }).locale])).toEqual([
      [null, 'fr'],
      ['fr', null],
    ]);
  });
});

describe('a customer’s language in the console (tRPC)', () => {
  it('creates and edits it, the console seeing the customer’s own choice (null: the default)', async () => {
    const created = await caller().customers.create({ name: 'Paris', email: 'paris@locale.test', locale: 'fr' });
    expect(created.locale).toBe('fr');
    expect((await caller().customers.byId({ id: created.id })).locale).toBe('fr');

    // The form's "Default (…)" option sends an empty value: the customer follows the settings again.
    const reset = await caller().customers.update({ id: created.id, locale: '' });
    expect(reset.locale).toBeNull();
    expect((await caller().customers.update({ id: created.id, locale: 'es' })).locale).toBe('es');
  });

  it('refuses an unknown language with the field’s message', async () => {
    await expect(caller().customers.create({ name: 'X', email: 'x@locale.test', locale: 'xx' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const customer = await givenCustomer(db());
    const error = await caller()
      .customers.update({ id: customer.id, locale: 'xx' })
      .catch((e: unknown) => e);
    expect(JSON.stringify(error)).toContain('must be one of en, de, fr, es, pt-BR');
  });
});

describe('the desk’s default language (GET|PATCH /api/v1/settings/billing default_locale)', () => {
  it('answers en until changed, takes a tag in any case, and refuses one we do not have with 400 on the field', async () => {
    const initial = await (await getSettingsRoute(apiRequest('/api/v1/settings/billing', { key }), params())).json();
    expect(initial.default_locale).toBe('en');

    const changed = await patchSettings({ default_locale: 'PT-br' });
    expect(changed.status).toBe(200);
    expect((await changed.json()).default_locale).toBe('pt-BR');
    expect((await (await getSettingsRoute(apiRequest('/api/v1/settings/billing', { key }), params())).json()).default_locale).toBe('pt-BR');

    const refused = await patchSettings({ default_locale: 'xx' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({ code: 'validation_error', fields: { default_locale: 'must be one of en, de, fr, es, pt-BR' } });
    expect((await (await getSettingsRoute(apiRequest('/api/v1/settings/billing', { key }), params())).json()).default_locale).toBe('pt-BR');
    await patchSettings({ default_locale: 'en' });
  });

  it('is what the console formats money and dates with (settings.display)', async () => {
    expect((await caller().settings.display()).locale).toBe('en');
    await patchSettings({ default_locale: 'de' });
    expect((await caller().settings.display()).locale).toBe('de');
    await patchSettings({ default_locale: 'en' });
  });
});
