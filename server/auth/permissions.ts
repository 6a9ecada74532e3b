export const roles = ['admin', 'staff', 'reseller', 'client', 'collector'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'customers.view',
  'customers.create',
  'customers.edit',
  'customers.delete',
  'invoices.view',
  'invoices.create',
  'invoices.edit',
  'invoices.delete',
  'orders.view',
  'orders.create',
  'orders.edit',
  'orders.delete',
  'catalog.view',
  'catalog.manage',
  // Reporting usage of a usage service (POST /api/v1/usage): an integrator's key, billed later.
  'usage.report',
  'payments.refund',
  // Billing and dunning runs (console, API, Settings → Automation): they invoice and suspend
  // every tenant at once, so never a reseller's and not a default staff permission.
  'billing.run',
  // Positive credit adjustments create spendable value from nothing; debits need only customers.edit.
  'credit.grant',
  // Prepaid cards: generating, printing (the codes are value) and voiding batches, and redeeming
  // a card for a customer at the desk. Admins by default; never resellers.
  'vouchers.manage',
  'settings.manage',
  'reports.view',
  'transactions.view_all',
  // Recording cash in the field on the Collect page (docs/collectors.md): a collector's only
  // permission, limited by its scope to the customers assigned to it.
  'payments.collect',
] as const;
export type Permission = (typeof permissions)[number];

export const isPermission = (value: string): value is Permission => (permissions as readonly string[]).includes(value);

/** What a staff member gets unless an admin narrows or widens it. */
export const defaultStaffPermissions: readonly Permission[] = [
  'customers.view',
  'customers.create',
  'customers.edit',
  'invoices.view',
  'invoices.create',
  'invoices.edit',
  'orders.view',
  'orders.create',
  'orders.edit',
  'usage.report',
  'catalog.view',
  'reports.view',
];

// Resellers work their own book: their scope (server/auth/actor.ts) limits every query to
// their customers, so within it they may do what a desk clerk does with customers and orders.
const resellerBasePermissions: readonly Permission[] = [
  'customers.view',
  'customers.create',
  'customers.edit',
  'orders.view',
  'orders.create',
  'usage.report',
  'catalog.view',
];

/** What an admin may grant a reseller, stored in its `users.permissions` (issue 14). */
export const resellerFlags = ['invoices.view', 'invoices.create', 'invoices.edit', 'invoices.delete', 'transactions.view_all'] as const;
export type ResellerFlag = (typeof resellerFlags)[number];
export const isResellerFlag = (value: string): value is ResellerFlag => (resellerFlags as readonly string[]).includes(value);

/** A new reseller's flags unless the admin chooses others (what every reseller held before flags). */
export const defaultResellerFlags: readonly ResellerFlag[] = ['invoices.view', 'invoices.create', 'invoices.edit'];

/**
 * What changing a service's plan takes: the desk's orders.edit, or for a reseller in its book its
 * invoices.edit flag — the change bills or credits the difference, which is invoicing; the rest of
 * order editing stays the desk's.
 */
export const changePlanPermission = (role: Role): Permission => (role === 'reseller' ? 'invoices.edit' : 'orders.edit');

// A client reads their own documents and orders and buys from the storefront; their scope is
// their one customer account, so these never reach anyone else's records.
const clientPermissions: readonly Permission[] = ['invoices.view', 'orders.view', 'orders.create'];

// A cash collector records cash for its assigned customers and nothing else: no desk page,
// procedure or route opens for it, whatever an admin ticks.
const collectorPermissions: readonly Permission[] = ['payments.collect'];

/** The permissions a role effectively holds; staff hold their explicit list, resellers their base plus the flags granted. */
export function effectivePermissions(role: Role, explicit: readonly string[]): ReadonlySet<Permission> {
  switch (role) {
    case 'admin':
      return new Set(permissions);
    case 'staff':
      return new Set(explicit.filter(isPermission));
    case 'reseller':
      return new Set([...resellerBasePermissions, ...explicit.filter(isResellerFlag)]);
    case 'client':
      return new Set(clientPermissions);
    case 'collector':
      return new Set(collectorPermissions);
  }
}

/** Where each role lands after signing in, and the only console area it may enter. */
export const homeOf: Record<Role, string> = {
  admin: '/admin',
  staff: '/admin',
  reseller: '/reseller',
  client: '/client',
  collector: '/collect',
};

export type Area = 'admin' | 'reseller' | 'client' | 'collect';
export const areaRoles: Record<Area, readonly Role[]> = {
  admin: ['admin', 'staff'],
  reseller: ['reseller'],
  client: ['client'],
  // The phone-sized Collect page: collectors, and desk people holding payments.collect.
  collect: ['collector', 'admin', 'staff'],
};
