import { customerContacts } from '@/db/schema';
import { requirePermission, type Actor } from '@/server/auth/actor';
import type { Permission } from '@/server/auth/permissions';
import { AppError } from '@/server/errors';

/**
 * What the three contact use cases share. Contacts are the desk's and a reseller's tool for
 * deciding where a customer's invoices go; the client portal does not manage them (yet), so a
 * client is refused outright rather than shown its own.
 */
export const contactColumns = {
  id: customerContacts.id,
  customerId: customerContacts.customerId,
  name: customerContacts.name,
  email: customerContacts.email,
  createdAt: customerContacts.createdAt,
};

export type CustomerContactView = { id: string; customerId: string; name: string; email: string; createdAt: Date };

/** The permission, and no client: contacts are managed from the consoles. */
export function requireContactManager(actor: Actor, permission: Extract<Permission, 'customers.view' | 'customers.edit'>): void {
  requirePermission(actor, permission);
  if (actor.scope.kind === 'customer') throw new AppError('forbidden', 'Contacts are managed by the desk or your reseller');
}
