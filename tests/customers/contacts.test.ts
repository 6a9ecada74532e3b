import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, customerContacts } from '@/db/schema';
import type { Actor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { addCustomerContactInput } from '@/server/schemas/customers';
import { addCustomerContact } from '@/server/services/customers/add-contact';
import { listCustomerContacts } from '@/server/services/customers/list-contacts';
import { removeCustomerContact } from '@/server/services/customers/remove-contact';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenCustomer, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
let admin: Actor;
let resellerX: Actor;
let resellerY: Actor;

beforeAll(async () => {
  admin = (await givenUser(db(), 'admin')).actor;
  resellerX = (await givenUser(db(), 'reseller')).actor;
  resellerY = (await givenUser(db(), 'reseller')).actor;
});

const as = (actor: Actor) => ctxOf(db(), actor, testNow);
/** The input as the console's form and tRPC parse it. */
const contactOf = (customerId: string, name: string, email: string) => camelized(addCustomerContactInput).parse({ customer_id: customerId, name, email });
const auditOf = (customerId: string) =>
  db()
    .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'customer'), eq(auditLog.entityId, customerId)))
    .orderBy(asc(auditLog.id));
const contactRows = (customerId: string) => db().select().from(customerContacts).where(eq(customerContacts.customerId, customerId));

describe('customer contacts', () => {
  it('adds, lists and removes a contact, each change with its audit row on the customer', async () => {
    const customer = await givenCustomer(db(), { name: 'Acme' });
    const added = await addCustomerContact(as(admin), contactOf(customer.id, ' Billing Desk ', 'Billing@Acme.test'));
    expect(added).toMatchObject({ customerId: customer.id, name: 'Billing Desk', email: 'billing@acme.test', createdAt: testNow });
    const second = await addCustomerContact(as(admin), contactOf(customer.id, 'Accounts Payable', 'ap@acme.test'));

    expect((await listCustomerContacts(as(admin), { customerId: customer.id })).map((c) => c.email)).toEqual(['ap@acme.test', 'billing@acme.test']); // by name

    await removeCustomerContact(as(admin), { id: added.id });
    expect(await listCustomerContacts(as(admin), { customerId: customer.id })).toEqual([second]);

    const entries = (await auditOf(customer.id)).filter((e) => e.action.startsWith('customer.contact_'));
    expect(entries.map((e) => e.action)).toEqual(['customer.contact_added', 'customer.contact_added', 'customer.contact_removed']);
    expect(entries[0]!.after).toMatchObject({ id: added.id, email: 'billing@acme.test' });
    expect(entries[2]!.before).toMatchObject({ id: added.id, name: 'Billing Desk' });
  });

  it('refuses an address the customer already has, in any case, with a message on e-mail, and writes nothing', async () => {
    const customer = await givenCustomer(db());
    await addCustomerContact(as(admin), contactOf(customer.id, 'Billing', 'billing@acme.test'));
    const auditBefore = (await auditOf(customer.id)).length;

    await expect(addCustomerContact(as(admin), contactOf(customer.id, 'Again', 'BILLING@acme.test'))).rejects.toMatchObject({
      code: 'conflict',
      fields: { email: 'is already a contact of this customer' },
    });
    expect(await contactRows(customer.id)).toHaveLength(1);
    expect(await auditOf(customer.id)).toHaveLength(auditBefore);

    // The same address on another customer is that customer's own contact.
    const other = await givenCustomer(db());
    await expect(addCustomerContact(as(admin), contactOf(other.id, 'Billing', 'billing@acme.test'))).resolves.toMatchObject({ customerId: other.id });
  });

  it('checks name and e-mail where the input is parsed', () => {
    const parsed = addCustomerContactInput.safeParse({ customer_id: crypto.randomUUID(), name: ' ', email: 'not-an-address' });
    expect(parsed.success).toBe(false);
    const fields = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(fields).toEqual({ name: 'is required', email: 'must be a valid e-mail address' });
  });

  it('lets a reseller manage its own customers’ contacts; another book’s customer and contact are not found', async () => {
    const mine = await givenCustomer(db(), {}, { actor: resellerX });
    const theirs = await givenCustomer(db(), {}, { actor: resellerY });
    const own = await addCustomerContact(as(resellerX), contactOf(mine.id, 'Desk', 'desk@mine.test'));
    expect(await listCustomerContacts(as(resellerX), { customerId: mine.id })).toEqual([own]);

    const theirContact = await addCustomerContact(as(resellerY), contactOf(theirs.id, 'Desk', 'desk@theirs.test'));
    await expect(addCustomerContact(as(resellerX), contactOf(theirs.id, 'Sneak', 'sneak@mine.test'))).rejects.toMatchObject({ code: 'not_found' });
    await expect(listCustomerContacts(as(resellerX), { customerId: theirs.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(removeCustomerContact(as(resellerX), { id: theirContact.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(await contactRows(theirs.id)).toHaveLength(1);

    await removeCustomerContact(as(resellerX), { id: own.id });
    expect(await contactRows(mine.id)).toHaveLength(0);
  });

  it('refuses a client, even for its own customer, and the viewer’s edits', async () => {
    const customer = await givenCustomer(db());
    const contact = await addCustomerContact(as(admin), contactOf(customer.id, 'Desk', 'desk@client.test'));
    const client = (await givenUser(db(), 'client', { customerId: customer.id, permissions: ['customers.view', 'customers.edit'] })).actor;
    await expect(listCustomerContacts(as(client), { customerId: customer.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addCustomerContact(as(client), contactOf(customer.id, 'Me', 'me@client.test'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeCustomerContact(as(client), { id: contact.id })).rejects.toMatchObject({ code: 'forbidden' });

    const viewer = (await givenUser(db(), 'staff', { permissions: ['customers.view'] })).actor;
    expect(await listCustomerContacts(as(viewer), { customerId: customer.id })).toEqual([contact]);
    await expect(addCustomerContact(as(viewer), contactOf(customer.id, 'No', 'no@client.test'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeCustomerContact(as(viewer), { id: contact.id })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await contactRows(customer.id)).toHaveLength(1);
  });
});
