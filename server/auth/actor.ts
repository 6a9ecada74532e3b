import { AppError } from '../errors';
import { effectivePermissions, type Permission, type Role } from './permissions';

/** Which records an actor may see; enforced in services so no route can forget it. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'reseller'; resellerId: string }
  | { kind: 'customer'; customerId: string }
  // A cash collector: the customers an admin assigned to it (customers.collector_id).
  | { kind: 'collector'; collectorId: string }
  // A visitor without an account: sees no record through a scope (public pages use tokens).
  | { kind: 'none' };

export type Actor = {
  type: 'user' | 'api_key' | 'system' | 'stripe' | 'paypal' | 'anonymous';
  id: string | null;
  label: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  scope: Scope;
  ip?: string | undefined;
};

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('forbidden', `You do not have the ${permission} permission`);
}

function scopeFor(role: Role, principalId: string | null, customerId: string | null): Scope {
  // A reseller without a reseller to stand for must see nothing, never everything.
  if (role === 'reseller') return principalId ? { kind: 'reseller', resellerId: principalId } : { kind: 'none' };
  if (role === 'collector') return principalId ? { kind: 'collector', collectorId: principalId } : { kind: 'none' };
  if (role === 'client') {
    if (!customerId) throw new AppError('forbidden', 'This account is not linked to a customer');
    return { kind: 'customer', customerId };
  }
  return { kind: 'all' };
}

export function userActor(user: {
  id: string;
  email: string;
  role: Role;
  permissions: readonly string[];
  customerId: string | null;
  ip?: string | undefined;
}): Actor {
  return {
    type: 'user',
    id: user.id,
    label: user.email,
    role: user.role,
    permissions: effectivePermissions(user.role, user.permissions),
    scope: scopeFor(user.role, user.id, user.customerId),
    ip: user.ip,
  };
}

export function apiKeyActor(key: {
  id: string;
  name: string;
  role: Role;
  permissions: readonly string[];
  resellerId: string | null;
  ip?: string | undefined;
}): Actor {
  // A reseller's key acts as that reseller; other keys carry their own role.
  return {
    type: 'api_key',
    id: key.id,
    label: `api key ${key.name}`,
    role: key.role,
    permissions: effectivePermissions(key.role, key.permissions),
    scope: scopeFor(key.role, key.resellerId, null),
    ip: key.ip,
  };
}

/** Jobs, seeds and webhooks act as the system with every permission and no scope limit. */
export function systemActor(type: 'system' | 'stripe' | 'paypal' = 'system'): Actor {
  return { type, id: null, label: type, role: 'admin', permissions: effectivePermissions('admin', []), scope: { kind: 'all' } };
}

/** A visitor of a public page: no permissions, no scope; what it may read a token decides. */
export function anonymousActor(ip?: string): Actor {
  return { type: 'anonymous', id: null, label: 'anonymous', role: 'client', permissions: new Set(), scope: { kind: 'none' }, ip };
}
