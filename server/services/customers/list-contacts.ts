import { asc, eq, sql } from 'drizzle-orm';
import { customerContacts } from '@/db/schema';
import type { ServiceContext } from '@/server/services/context';
import { contactColumns, requireContactManager, type CustomerContactView } from './contacts';
import { findCustomer } from './store';

/** A customer's contacts by name, as the console's lists and pickers show them (a customer has a handful, so there is no paging). */
export async function listCustomerContacts(ctx: ServiceContext, input: { customerId: string }): Promise<CustomerContactView[]> {
  requireContactManager(ctx.actor, 'customers.view');
  const customer = await findCustomer(ctx.db, ctx.actor.scope, input.customerId);
  return ctx.db
    .select(contactColumns)
    .from(customerContacts)
    .where(eq(customerContacts.customerId, customer.id))
    .orderBy(sql`lower(${customerContacts.name})`, asc(customerContacts.email));
}
