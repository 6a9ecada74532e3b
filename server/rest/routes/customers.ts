import { z } from 'zod';
import type { BillingAddress } from '../../../db/schema';
import type { Locale } from '../../../i18n/locales';
import { trimDecimal } from '../../billing/decimal';
import { camelized } from '../../schemas/common';
import {
  adjustCreditInput,
  createCustomerInput,
  creditEntryOutput,
  customerIdInput,
  customerOutput,
  listCustomersInput,
  updateCustomerInput,
} from '../../schemas/customers';
import { adjustCredit } from '../../services/credit/adjust';
import { createCustomer } from '../../services/customers/create';
import { getCustomer } from '../../services/customers/get';
import { listCustomers } from '../../services/customers/list';
import type { CustomerView } from '../../services/customers/store';
import { updateCustomer } from '../../services/customers/update';
import { deskLocale } from '../../services/settings/locale';
import { defineRoute } from '../handler';
import { listOf } from '../lists';

/** A stored billing address on the wire: snake_case, empty parts left out. */
export const billingAddressJson = (address: BillingAddress | null): z.input<typeof customerOutput>['billing_address'] =>
  address
    ? {
        line1: address.line1,
        ...(address.line2 ? { line2: address.line2 } : {}),
        city: address.city,
        ...(address.region ? { region: address.region } : {}),
        ...(address.postalCode ? { postal_code: address.postalCode } : {}),
        country: address.country,
      }
    : null;

/**
 * A customer on the wire. `locale` is the language it is actually written to in (its own choice,
 * else the desk's default), so an integrator always gets a tag and never has to resolve a null.
 */
export function customerJson(c: CustomerView, defaultLocale: Locale): z.input<typeof customerOutput> {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    company: c.company,
    phone: c.phone,
    tax_id: c.taxId,
    tax_exempt: c.taxExempt,
    tax_rate_override: c.taxRateOverride === null ? null : trimDecimal(c.taxRateOverride),
    billing_address: billingAddressJson(c.billingAddress),
    currency: c.currency,
    locale: c.locale ?? defaultLocale,
    reseller_id: c.resellerId,
    collector_id: c.collectorId,
    credit_balance: Number(c.creditBalance),
    created_at: c.createdAt.toISOString(),
  };
}

export const createCustomerRoute = defineRoute(
  {
    method: 'POST',
    path: '/customers',
    summary: 'Create a customer',
    tag: 'Customers',
    permission: 'customers.create',
    body: camelized(createCustomerInput),
    response: customerOutput,
    status: 201,
  },
  async ({ ctx, body }) => customerJson(await createCustomer(ctx, body), await deskLocale(ctx)),
);

export const listCustomersRoute = defineRoute(
  {
    method: 'GET',
    path: '/customers',
    summary: 'List customers, newest first; `q` matches name or e-mail',
    tag: 'Customers',
    permission: 'customers.view',
    query: listCustomersInput,
    response: listOf(customerOutput),
  },
  async ({ ctx, query }) => {
    const [page, fallback] = await Promise.all([listCustomers(ctx, query), deskLocale(ctx)]);
    return { data: page.items.map((c) => customerJson(c, fallback)), next_cursor: page.nextCursor };
  },
);

export const getCustomerRoute = defineRoute(
  {
    method: 'GET',
    path: '/customers/{id}',
    summary: 'Get a customer',
    tag: 'Customers',
    permission: 'customers.view',
    params: customerIdInput,
    response: customerOutput,
  },
  async ({ ctx, params }) => customerJson(await getCustomer(ctx, params), await deskLocale(ctx)),
);

export const updateCustomerRoute = defineRoute(
  {
    method: 'PATCH',
    path: '/customers/{id}',
    summary: 'Change a customer’s details',
    tag: 'Customers',
    permission: 'customers.edit',
    params: customerIdInput,
    body: camelized(updateCustomerInput),
    response: customerOutput,
  },
  async ({ ctx, params, body }) => customerJson(await updateCustomer(ctx, { ...body, id: params.id }), await deskLocale(ctx)),
);

export const adjustCreditRoute = defineRoute(
  {
    method: 'POST',
    path: '/customers/{id}/credit',
    summary: 'Add to (or, with a negative amount, take from) the credit balance; it never goes below 0',
    tag: 'Customers',
    permission: 'customers.edit',
    params: customerIdInput,
    body: adjustCreditInput,
    response: creditEntryOutput,
    status: 201,
  },
  async ({ ctx, params, body }) => {
    const entry = await adjustCredit(ctx, { ...body, customerId: params.id });
    return {
      id: entry.id,
      customer_id: entry.customerId,
      kind: entry.kind,
      amount: Number(entry.amount),
      currency: entry.currency,
      reason: entry.reason,
      balance: Number(entry.balance),
      created_at: entry.createdAt.toISOString(),
    };
  },
);
