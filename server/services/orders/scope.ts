import type { SQL } from 'drizzle-orm';
import { orders } from '@/db/schema';
import type { Scope } from '@/server/auth/actor';
import { ownedByScope } from '@/server/services/customers/scope';

/** The orders a scope may see: those of the customers it reaches. */
export const orderScope = (scope: Scope): SQL | undefined => ownedByScope(orders.customerId, scope);
