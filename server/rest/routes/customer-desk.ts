import { z } from 'zod';
import { camelized } from '../../schemas/common';
import {
  addCustomerContactInput,
  customerContactIdInput,
  customerContactOutput,
  customerIdInput,
  quickPayInput,
  quickPayOutput,
} from '../../schemas/customers';
import { quickPay } from '../../services/customers/account';
import { addCustomerContact } from '../../services/customers/add-contact';
import type { CustomerContactView } from '../../services/customers/contacts';
import { listCustomerContacts } from '../../services/customers/list-contacts';
import { removeCustomerContact } from '../../services/customers/remove-contact';
import { defineRoute } from '../handler';

const contactJson = (c: CustomerContactView): z.input<typeof customerContactOutput> => ({
  id: c.id,
  customer_id: c.customerId,
  name: c.name,
  email: c.email,
  created_at: c.createdAt.toISOString(),
});

export const quickPayRoute = defineRoute(
  {
    method: 'POST',
    path: '/customers/{id}/quick-pay',
    summary: 'Quick pay: pays every open invoice of the customer in `currency` in full, oldest due first, one payment each; nothing owed → 409 invalid_state',
    tag: 'Customers',
    permission: 'invoices.edit',
    params: customerIdInput,
    body: quickPayInput,
    response: quickPayOutput,
  },
  async ({ ctx, params, body }) => {
    const paid = await quickPay(ctx, { ...body, customerId: params.id });
    return { paid: paid.paid, amount: Number(paid.amount), currency: body.currency };
  },
);

export const listCustomerContactsRoute = defineRoute(
  {
    method: 'GET',
    path: '/customers/{id}/contacts',
    summary: 'The customer’s further contacts (who else receives its documents)',
    tag: 'Customers',
    permission: 'customers.view',
    params: customerIdInput,
    response: z.object({ data: z.array(customerContactOutput) }),
  },
  async ({ ctx, params }) => ({ data: (await listCustomerContacts(ctx, { customerId: params.id })).map(contactJson) }),
);

export const addCustomerContactRoute = defineRoute(
  {
    method: 'POST',
    path: '/customers/{id}/contacts',
    summary: 'Add a contact to the customer',
    tag: 'Customers',
    permission: 'customers.edit',
    params: customerIdInput,
    body: camelized(addCustomerContactInput.omit({ customer_id: true })),
    response: customerContactOutput,
    status: 201,
  },
  async ({ ctx, params, body }) => contactJson(await addCustomerContact(ctx, { ...body, customerId: params.id })),
);

export const removeCustomerContactRoute = defineRoute(
  {
    method: 'DELETE',
    path: '/contacts/{id}',
    summary: 'Remove a customer’s contact; answers the removed contact',
    tag: 'Customers',
    permission: 'customers.edit',
    params: customerContactIdInput,
    response: customerContactOutput,
  },
  async ({ ctx, params }) => contactJson(await removeCustomerContact(ctx, params)),
);
