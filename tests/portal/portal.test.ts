import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, customers } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { systemActor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { listInvoicesInput } from '@/server/schemas/invoices';
import { listOrdersInput, placeOrderInput } from '@/server/schemas/orders';
import { updateOwnProfileInput } from '@/server/schemas/profile';
import { adjustCredit } from '@/server/services/credit/adjust';
import { updateOwnProfile } from '@/server/services/customers/update-own-profile';
import { customerInvoice } from '@/server/services/invoices/customer-invoice';
import { getInvoice } from '@/server/services/invoices/get';
import { getInvoiceHistory } from '@/server/services/invoices/history';
import { listInvoices } from '@/server/services/invoices/list';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { updateInvoice } from '@/server/services/invoices/update';
import { addOrderLabel } from '@/server/services/orders/edit-details';
import { getOrder } from '@/server/services/orders/get';
import { getOrderHistory } from '@/server/services/orders/history';
import { listOrders } from '@/server/services/orders/list';
import { placeOrder } from '@/server/services/orders/place';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenInvoice, givenProduct, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const system = () => ctxOf(db(), systemActor());
const origin = 'http://portal.test';

/** A customer with a client user, an order (so a service and a first invoice) and a manual invoice. */
async function givenClientWithDocuments() {
  const customer = await givenCustomer(db(), { currency: 'USD' });
  const client = await givenUser(db(), 'client', { customerId: customer.id });
  const product = await givenProduct(db());
  const order = await placeOrder(
    system(),
    camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
  );
  const invoice = await givenInvoice(db(), { customerId: customer.id, total: 2500n });
  return { customer, client, order, invoice, ctx: ctxOf(db(), client.actor) };
}

describe('a client in the portal', () => {
  it('sees only their own invoices, orders and services', async () => {
    const mine = await givenClientWithDocuments();
    const theirs = await givenClientWithDocuments();

    const invoices = await listInvoices(mine.ctx, camelized(listInvoicesInput).parse({ limit: 200 }));
    expect(invoices.items.length).toBeGreaterThanOrEqual(2);
    expect(new Set(invoices.items.map((i) => i.customerId))).toEqual(new Set([mine.customer.id]));
    expect(invoices.items.map((i) => i.id)).toContain(mine.invoice.id);

    const orders = await listOrders(mine.ctx, camelized(listOrdersInput).parse({ limit: 200 }));
    expect(orders.items.map((o) => o.id)).toEqual([mine.order.id]);

    const account = await createCaller({ db: db(), actor: mine.client.actor, origin }).portal.account();
    expect(account.customer.id).toBe(mine.customer.id);
    expect(account.services.length).toBe(1);
    expect(account.services.every((s) => s.customerId === mine.customer.id)).toBe(true);
    expect(theirs.order.services.map((s) => s.id)).not.toContain(account.services[0]!.id);
  });

  it('gets not_found for another customer’s invoice and order, in every reader', async () => {
    const mine = await givenClientWithDocuments();
    const theirs = await givenClientWithDocuments();
    await expect(getInvoice(mine.ctx, { id: theirs.invoice.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(customerInvoice(mine.ctx, { id: theirs.invoice.id, origin })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getInvoiceHistory(mine.ctx, { id: theirs.invoice.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getOrder(mine.ctx, { id: theirs.order.id })).rejects.toMatchObject({ code: 'not_found' });
    const trpc = createCaller({ db: db(), actor: mine.client.actor, origin });
    await expect(trpc.portal.invoice({ id: theirs.invoice.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(trpc.invoices.byId({ id: theirs.invoice.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Filtering by the other customer's id finds nothing rather than widening the scope.
    const filtered = await listInvoices(mine.ctx, camelized(listInvoicesInput).parse({ customer: theirs.customer.id }));
    expect(filtered.items).toEqual([]);
    // Their own invoice reads fine.
    expect((await customerInvoice(mine.ctx, { id: mine.invoice.id, origin })).document.id).toBe(mine.invoice.id);
  });

  it('never sees drafts, internal notes, order labels, the audit trail or the notification log', async () => {
    const mine = await givenClientWithDocuments();
    const draft = await givenInvoice(db(), { customerId: mine.customer.id, status: 'draft' });
    await updateInvoice(system(), { id: mine.invoice.id, internalNotes: 'Internal: chase him, he pays late' });
    await addOrderLabel(system(), { id: mine.order.id, label: 'late payer' });
    await markInvoicePaid(system(), { id: mine.order.invoiceId!, method: 'bank_transfer', reference: 'desk ref 42' });

    const list = await listInvoices(mine.ctx, camelized(listInvoicesInput).parse({ limit: 200 }));
    expect(list.items.map((i) => i.id)).not.toContain(draft.id);
    await expect(getInvoice(mine.ctx, { id: draft.id })).rejects.toMatchObject({ code: 'not_found' });

    const view = await customerInvoice(mine.ctx, { id: mine.invoice.id, origin });
    expect(view.document.notes).toBeNull();
    expect(JSON.stringify(view, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain('chase him');

    const paid = await customerInvoice(mine.ctx, { id: mine.order.invoiceId!, origin });
    expect(paid.payments).toHaveLength(1);
    expect(paid.payments[0]).not.toHaveProperty('reference');
    expect(paid.payments[0]).not.toHaveProperty('recordedById');

    expect((await getOrder(mine.ctx, { id: mine.order.id })).labels).toEqual([]);
    expect((await listOrders(mine.ctx, camelized(listOrdersInput).parse({}))).items[0]!.labels).toEqual([]);
    expect(await getOrderHistory(mine.ctx, { id: mine.order.id })).toEqual({ audit: [], jobs: [] });
    expect((await getInvoiceHistory(mine.ctx, { id: mine.invoice.id })).audit).toEqual([]);
    // The tRPC readers behind the same permission hide the same things.
    expect((await getInvoice(mine.ctx, { id: mine.invoice.id })).internalNotes).toBeNull();
    expect(list.items.find((i) => i.id === mine.invoice.id)!.internalNotes).toBeNull();
    expect((await getInvoiceHistory(mine.ctx, { id: mine.order.invoiceId! })).payments[0]).toMatchObject({ reference: null, recordedById: null });
    // The desk still sees all of it.
    expect((await getInvoice(system(), { id: mine.invoice.id })).internalNotes).toContain('chase him');
    expect((await getOrder(system(), { id: mine.order.id })).labels).toEqual(['late payer']);
    expect((await getOrderHistory(system(), { id: mine.order.id })).audit.length).toBeGreaterThan(0);
  });

  it('reads the credit balance and ledger of their own account', async () => {
    const mine = await givenClientWithDocuments();
    await adjustCredit(system(), { customerId: mine.customer.id, amount: 1250n, reason: 'Goodwill' });
    const account = await createCaller({ db: db(), actor: mine.client.actor, origin }).portal.account();
    expect(account.customer.creditBalance).toBe(1250n);
    expect(account.ledger.map((e) => [e.kind, e.amount, e.reason])).toEqual([['adjustment', 1250n, 'Goodwill']]);
  });
});

describe('a client editing their profile', () => {
  const profile = {
    name: 'Grace Hopper',
    company: 'Navy Computing',
    phone: '+1 555 0100',
    tax_id: 'US-123',
    billing_address: { line1: '1 Harbor St', city: 'Arlington', postal_code: '22201', country: 'us' },
  };
  const ownProfile = camelized(updateOwnProfileInput);

  it('changes only the allowed fields of their own account, and audits it', async () => {
    const mine = await givenClientWithDocuments();
    await adjustCredit(system(), { customerId: mine.customer.id, amount: 500n, reason: 'Goodwill' });
    const [before] = await db().select().from(customers).where(eq(customers.id, mine.customer.id));

    const after = await updateOwnProfile(mine.ctx, ownProfile.parse(profile));
    expect(after).toMatchObject({
      id: mine.customer.id,
      name: 'Grace Hopper',
      company: 'Navy Computing',
      phone: '+1 555 0100',
      taxId: 'US-123',
      billingAddress: { line1: '1 Harbor St', city: 'Arlington', postalCode: '22201', country: 'US' },
      // What the desk owns is untouched.
      email: before!.email,
      currency: before!.currency,
      resellerId: before!.resellerId,
      creditBalance: 500n,
    });

    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, mine.customer.id), eq(auditLog.action, 'customer.profile_updated')));
    expect(entry).toMatchObject({ actorType: 'user', actorId: mine.client.id, ip: '127.0.0.1' });
    expect(entry!.before).toMatchObject({ name: before!.name, company: null });
    expect(entry!.after).toMatchObject({ name: 'Grace Hopper', company: 'Navy Computing' });

    // Empty fields clear; saving the same profile twice writes one audit row per real change.
    const cleared = await updateOwnProfile(mine.ctx, ownProfile.parse({ ...profile, company: '', billing_address: null }));
    expect(cleared).toMatchObject({ company: null, billingAddress: null, name: 'Grace Hopper' });
    await updateOwnProfile(mine.ctx, ownProfile.parse({ ...profile, company: '', billing_address: null }));
    const entries = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, mine.customer.id), eq(auditLog.action, 'customer.profile_updated')));
    expect(entries).toHaveLength(2);
  });

  it('refuses e-mail, currency, reseller or credit in the request', async () => {
    for (const extra of [
      { email: 'new@example.test' },
      { currency: 'EUR' },
      { reseller_id: '00000000-0000-4000-8000-000000000000' },
      { credit_balance: 100 },
    ]) {
      const parsed = updateOwnProfileInput.safeParse({ ...profile, ...extra });
      expect(parsed.success, JSON.stringify(extra)).toBe(false);
    }
    const mine = await givenClientWithDocuments();
    const trpc = createCaller({ db: db(), actor: mine.client.actor, origin });
    await expect(trpc.portal.updateProfile({ ...profile, currency: 'EUR' } as typeof profile)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // Even a caller that slips the field past the schema changes nothing the desk owns.
    const after = await updateOwnProfile(mine.ctx, { ...ownProfile.parse(profile), currency: 'EUR', email: 'x@y.test' } as never);
    expect(after).toMatchObject({ currency: 'USD', email: mine.customer.email });
  });

  it('picks the language they read in, audited; null goes back to the desk default, leaving it out keeps it', async () => {
    const mine = await givenClientWithDocuments();
    const localeOf = async () => (await db().select({ locale: customers.locale }).from(customers).where(eq(customers.id, mine.customer.id)))[0]!.locale;
    const changes = () =>
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, mine.customer.id), eq(auditLog.action, 'customer.profile_updated')))
        .orderBy(auditLog.id);

    await updateOwnProfile(mine.ctx, ownProfile.parse({ ...profile, locale: 'DE' }));
    expect(await localeOf()).toBe('de');
    expect((await changes())[0]).toMatchObject({ before: { locale: null }, after: { locale: 'de', name: 'Grace Hopper' } });

    // The rest of the profile resent without a language keeps the one chosen, and writes nothing.
    await updateOwnProfile(mine.ctx, ownProfile.parse(profile));
    expect(await localeOf()).toBe('de');
    expect(await changes()).toHaveLength(1);

    await updateOwnProfile(mine.ctx, ownProfile.parse({ ...profile, locale: null }));
    expect(await localeOf()).toBeNull();
    expect((await changes())[1]).toMatchObject({ before: { locale: 'de' }, after: { locale: null } });
  });

  it('refuses a language we do not have, on its field', async () => {
    const mine = await givenClientWithDocuments();
    const trpc = createCaller({ db: db(), actor: mine.client.actor, origin });
    const error = await trpc.portal.updateProfile({ ...profile, locale: 'it' }).catch((e: unknown) => e);
    // The schema's issue on `locale` is what the HTTP answer carries as that field's message (tests/trpc/errors.test.ts).
    expect(error).toMatchObject({ code: 'BAD_REQUEST', cause: { issues: [{ path: ['locale'], message: 'must be one of en, de, fr, es, pt-BR' }] } });
    const [row] = await db().select({ locale: customers.locale }).from(customers).where(eq(customers.id, mine.customer.id));
    expect(row!.locale).toBeNull();
  });

  it('shows inline field errors for a half-filled address', async () => {
    const mine = await givenClientWithDocuments();
    const trpc = createCaller({ db: db(), actor: mine.client.actor, origin });
    const error = await trpc.portal
      .updateProfile({ ...profile, name: '', billing_address: { line1: '', city: 'X', country: 'Narnia' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('is only for client accounts: staff and resellers find no "own" account', async () => {
    const admin = await givenUser(db(), 'admin');
    const reseller = await givenUser(db(), 'reseller');
    for (const actor of [admin.actor, reseller.actor]) {
      await expect(updateOwnProfile(ctxOf(db(), actor), ownProfile.parse(profile))).rejects.toMatchObject({ code: 'not_found' });
    }
  });
});
