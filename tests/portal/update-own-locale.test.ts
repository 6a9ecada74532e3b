import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, customers } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { updateOwnLocaleInput } from '@/server/schemas/profile';
import { updateOwnLocale } from '@/server/services/customers/update-own-locale';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const origin = 'http://portal.test';

async function givenClient() {
  const customer = await givenCustomer(db(), { currency: 'EUR' });
  const client = await givenUser(db(), 'client', { customerId: customer.id });
  return { customer, client, ctx: ctxOf(db(), client.actor) };
}

const localeOf = async (id: string) => (await db().select({ locale: customers.locale }).from(customers).where(eq(customers.id, id)))[0]?.locale;
const auditRows = (id: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'customer.locale_updated')));

describe("a client's language choice", () => {
  it('is kept on their own account with an audit row, once per real change, and touches no other customer', async () => {
    const mine = await givenClient();
    const theirs = await givenClient();

    await expect(updateOwnLocale(mine.ctx, updateOwnLocaleInput.parse({ locale: 'pt-br' }))).resolves.toEqual({ locale: 'pt-BR' });
    await updateOwnLocale(mine.ctx, { locale: 'pt-BR' });

    expect(await localeOf(mine.customer.id)).toBe('pt-BR');
    expect(await localeOf(theirs.customer.id)).toBeNull();
    const rows = await auditRows(mine.customer.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: mine.client.actor.id, before: { locale: null }, after: { locale: 'pt-BR' } });
    expect(await auditRows(theirs.customer.id)).toHaveLength(0);
  });

  it('refuses a language the desk does not offer, changing nothing', async () => {
    const mine = await givenClient();
    const trpc = createCaller({ db: db(), actor: mine.client.actor, origin });
    await expect(trpc.portal.setLocale({ locale: 'xx' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(trpc.portal.setLocale({ locale: 'de' })).resolves.toEqual({ locale: 'de' });
    expect(await localeOf(mine.customer.id)).toBe('de');
  });

  it('is only for client accounts: staff have no customer account to set it on', async () => {
    const admin = await givenUser(db(), 'admin');
    await expect(updateOwnLocale(ctxOf(db(), admin.actor), { locale: 'fr' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
