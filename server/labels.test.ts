import { describe, expect, it } from 'vitest';
import { permissions } from './auth/permissions';
import { invoiceStatuses } from './billing/invoice-status';
import { orderStatuses, serviceStatuses } from './billing/order-status';
import { jobStatuses } from './jobs/job-status';
import { allStatuses, paymentMethodLabel, permissionGroups, permissionLabel, permissionTexts, statusLabel } from './labels';
import { paymentMethods } from './schemas/invoices';

// A code shown as it is stored: snake_case, dotted or all lower case.
const looksRaw = (text: string) => /[_.]/.test(text.replace(/\.$/, '')) || text === text.toLowerCase();

describe('the words for codes', () => {
  it('words every status of every record', () => {
    for (const status of [...invoiceStatuses, ...orderStatuses, ...serviceStatuses, ...jobStatuses, ...allStatuses]) {
      expect(statusLabel(status), status).not.toBe(status);
      expect(looksRaw(statusLabel(status)), status).toBe(false);
    }
    expect(statusLabel('partial')).toBe('Partly paid');
  });

  it('words every payment method', () => {
    for (const method of paymentMethods) expect(looksRaw(paymentMethodLabel(method)), method).toBe(false);
    expect(paymentMethodLabel('bank_transfer')).toBe('Bank transfer');
  });

  it('words every permission with a one-line description, in exactly one group', () => {
    for (const permission of permissions) {
      const { label, description } = permissionTexts[permission];
      expect(looksRaw(label), permission).toBe(false);
      expect(description, permission).toMatch(/^[A-Z].*\.$/);
      expect(description).not.toContain('\n');
      expect(
        permissionGroups.filter((g) => g.permissions.includes(permission)),
        permission,
      ).toHaveLength(1);
    }
    expect(permissionGroups.flatMap((g) => g.permissions)).toHaveLength(permissions.length);
    expect(permissionLabel('orders.edit')).toBe('Edit orders');
  });

  it('falls back to words, not the code, for a code it does not know', () => {
    expect(statusLabel('on_hold')).toBe('On hold');
    expect(paymentMethodLabel('gift_card')).toBe('Gift card');
  });
});
