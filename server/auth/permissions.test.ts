import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { apiKeyActor, requirePermission, userActor } from './actor';
import { areaRoles, effectivePermissions, homeOf, permissions } from './permissions';

describe('effective permissions', () => {
  it.each([
    ['admin', [], permissions.length],
    ['staff', ['invoices.view', 'not.a.permission'], 1],
    ['client', ['settings.manage'], 3],
  ] as const)('%s with %j holds %i', (role, explicit, count) => {
    expect(effectivePermissions(role, explicit).size).toBe(count);
  });

  it('gives resellers their desk permissions but never settings or refunds', () => {
    const reseller = effectivePermissions('reseller', ['settings.manage']);
    expect(reseller.has('customers.create')).toBe(true);
    expect(reseller.has('settings.manage')).toBe(false);
    expect(reseller.has('payments.refund')).toBe(false);
  });

  it('lets a client read and buy but never edit an invoice or see other customers', () => {
    const client = effectivePermissions('client', []);
    expect([...client].sort()).toEqual(['invoices.view', 'orders.create', 'orders.view']);
  });
});

describe('actors', () => {
  it('gives a reseller exactly the invoice flags it was granted, on top of its base', () => {
    const granted = effectivePermissions('reseller', ['invoices.view', 'invoices.delete', 'transactions.view_all', 'payments.refund']);
    expect([...granted].filter((p) => p.startsWith('invoices.') || p.startsWith('transactions.')).sort()).toEqual([
      'invoices.delete',
      'invoices.view',
      'transactions.view_all',
    ]);
    expect(granted.has('payments.refund')).toBe(false);
    expect(granted.has('orders.view')).toBe(true);
    expect(effectivePermissions('reseller', []).has('invoices.view')).toBe(false);
  });

  it('scope a reseller to their own book and a client to their account', () => {
    const base = { email: 'x@y.test', permissions: [] };
    expect(userActor({ ...base, id: 'r1', role: 'reseller', customerId: null }).scope).toEqual({ kind: 'reseller', resellerId: 'r1' });
    expect(userActor({ ...base, id: 'u1', role: 'client', customerId: 'c1' }).scope).toEqual({ kind: 'customer', customerId: 'c1' });
    expect(userActor({ ...base, id: 'a1', role: 'admin', customerId: null }).scope).toEqual({ kind: 'all' });
    expect(() => userActor({ ...base, id: 'u2', role: 'client', customerId: null })).toThrow(AppError);
  });

  it('scope a reseller’s API key to the reseller it belongs to', () => {
    const actor = apiKeyActor({ id: 'k1', name: 'shop', role: 'reseller', permissions: [], resellerId: 'r9' });
    expect(actor.scope).toEqual({ kind: 'reseller', resellerId: 'r9' });
    expect(actor.label).toBe('api key shop');
    expect(apiKeyActor({ id: 'k2', name: 'orphan', role: 'reseller', permissions: [], resellerId: null }).scope).toEqual({ kind: 'none' });
  });

  it('refuse a missing permission with a forbidden error naming it', () => {
    const staff = userActor({ id: 's', email: 's@y.test', role: 'staff', permissions: ['customers.view'], customerId: null });
    expect(() => requirePermission(staff, 'customers.view')).not.toThrow();
    expect(() => requirePermission(staff, 'customers.create')).toThrow(/customers\.create/);
  });
});

describe('areas', () => {
  it('send every role home to an area it may enter', () => {
    for (const [role, home] of Object.entries(homeOf)) {
      const area = home.slice(1) as keyof typeof areaRoles;
      expect(areaRoles[area]).toContain(role);
    }
  });
});
