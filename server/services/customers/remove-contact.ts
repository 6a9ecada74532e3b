import { and, eq } from 'drizzle-orm';
import { customerContacts } from '@/db/schema';
import { notFound } from '@/server/errors';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { contactColumns, requireContactManager, type CustomerContactView } from './contacts';
import { ownedByScope } from './scope';

/**
 * Removes a contact of a customer the actor may see (another book's is not found). Orders keep
 * the address they copied when placed, so their invoices still go where they went.
 */
export async function removeCustomerContact(ctx: ServiceContext, input: { id: string }): Promise<CustomerContactView> {
  requireContactManager(ctx.actor, 'customers.edit');
  return ctx.db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(customerContacts)
      .where(and(eq(customerContacts.id, input.id), ownedByScope(customerContacts.customerId, ctx.actor.scope)))
      .returning(contactColumns);
    if (!removed) throw notFound('Contact');
    await audit(tx, ctx.actor, 'customer.contact_removed', { type: 'customer', id: removed.customerId }, { before: removed });
    return removed;
  });
}
