import { isUniqueViolation } from '@/db/errors';
import { customerContacts } from '@/db/schema';
import { AppError } from '@/server/errors';
import type { AddCustomerContactInput } from '@/server/schemas/customers';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { contactColumns, requireContactManager, type CustomerContactView } from './contacts';
import { findCustomer } from './store';

/**
 * Adds a contact (name and e-mail) to a customer the actor may see: another book's customer is
 * not found. An address the customer already has as a contact, in any case, is a conflict on
 * `email` and writes nothing. The audit row sits on the customer, so its history shows it.
 */
export async function addCustomerContact(ctx: ServiceContext, input: AddCustomerContactInput): Promise<CustomerContactView> {
  requireContactManager(ctx.actor, 'customers.edit');
  return ctx.db.transaction(async (tx) => {
    const customer = await findCustomer(tx, ctx.actor.scope, input.customerId);
    let contact: CustomerContactView | undefined;
    try {
      [contact] = await tx
        .insert(customerContacts)
        .values({ customerId: customer.id, name: input.name, email: input.email, createdAt: ctx.now })
        .returning(contactColumns);
    } catch (error) {
      if (isUniqueViolation(error, 'customer_contacts_customer_email_lower_uq')) {
        throw new AppError('conflict', 'This customer already has a contact with this e-mail', { email: 'is already a contact of this customer' });
      }
      throw error;
    }
    await audit(tx, ctx.actor, 'customer.contact_added', { type: 'customer', id: customer.id }, { after: contact });
    return contact!;
  });
}
