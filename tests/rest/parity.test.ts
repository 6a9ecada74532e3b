import type { AnyProcedure } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { appRouter } from '@/server/api/root';
import { operationId, routes } from '@/server/rest/openapi';

/**
 * What the console can change, an integrator can change too: every tRPC mutation names its REST
 * twin(s) here by operationId, or is console-only below with the reason. A new mutation fails
 * this test until it is given one or the other.
 */
const restTwins: Record<string, string[]> = {
  'account.updateSecurity': ['settings.security.update'],
  'customers.create': ['customers.create'],
  'customers.update': ['customers.update'],
  'customers.adjustCredit': ['customers.credit'],
  'customers.quickPay': ['customers.quickPay'],
  'customers.addContact': ['customers.contacts'],
  'customers.removeContact': ['contacts.delete'],
  'invoices.create': ['invoices.create'],
  'invoices.update': ['invoices.update'],
  'invoices.finalize': ['invoices.finalize'],
  'invoices.finalizeAndSend': ['invoices.finalizeAndSend'],
  'invoices.duplicate': ['invoices.duplicate'],
  'invoices.recordPayment': ['invoices.payments'],
  'invoices.markPaid': ['invoices.markPaid'],
  'invoices.applyCredit': ['invoices.applyCredit'],
  'invoices.cancel': ['invoices.cancel'],
  'invoices.delete': ['invoices.delete'],
  'invoices.refund': ['invoices.refunds'],
  'invoices.correct': ['invoices.creditNotes', 'invoices.debitNotes'],
  'invoices.send': ['invoices.send'],
  'invoices.bulkMarkPaid': ['invoices.bulk.markPaid'],
  'invoices.bulkSend': ['invoices.bulk.send'],
  'invoices.bulkSendReminder': ['invoices.bulk.sendReminder'],
  'invoices.consolidate': ['customers.consolidate'],
  'invoices.regenerateToken': ['invoices.regenerateToken'],
  'invoiceDesk.changeStatus': ['invoices.status'],
  'invoiceDesk.sendReminder': ['invoices.sendReminder'],
  'orders.place': ['orders.create'],
  'orders.update': ['orders.update'],
  'orders.activate': ['orders.activate'],
  'orders.deactivate': ['orders.deactivate'],
  'orders.approve': ['orders.approve'],
  'orders.changeStatus': ['orders.status'],
  'orders.changePaymentMethod': ['orders.paymentMethod'],
  'orders.changeCustomer': ['orders.customer'],
  'orders.addLabel': ['orders.labels'],
  'orders.removeLabel': ['orders.labels.delete'],
  'orders.editPrice': ['orders.editPrice'],
  'orders.createDocument': ['orders.documents'],
  'orders.markServiceProvisioned': ['services.markProvisioned'],
  'orders.changePlan': ['services.changePlan'],
  'orders.changeSeats': ['services.seats'],
  'orders.runBilling': ['billingRuns.create'],
  'catalog.createProduct': ['products.create'],
  'catalog.updateProduct': ['products.update'],
  'catalog.createCoupon': ['coupons.create'],
  'settings.updateBilling': ['settings.billing.update'],
  'settings.updateCompany': ['settings.company.update'],
  'settings.updatePayments': ['settings.payments.update'],
  'settings.createApiKey': ['apiKeys.create'],
  'settings.revokeApiKey': ['apiKeys.delete'],
  'people.createStaff': ['staff.create'],
  'people.setPermissions': ['staff.update'],
  'people.setDisabled': ['users.disabled'],
  'notes.add': ['customers.notes', 'orders.notes'],
  'notes.edit': ['notes.update'],
  'notes.delete': ['notes.delete'],
  'notify.updateCommunication': ['settings.communication.update'],
  'notify.updateCommunicationRules': ['settings.communication.rules.update'],
  'notify.saveTemplate': ['emailTemplates.update'],
  'automation.updateSettings': ['settings.automation.update'],
  'automation.run': ['workflows.run'],
  'automation.retry': ['jobs.retry'],
  'resellers.create': ['resellers.create'],
  'resellers.update': ['resellers.update'],
  'resellers.issueApiKey': ['resellers.apiKeys'],
  'resellers.revokeApiKey': ['resellers.apiKeys.delete'],
  'commissions.markPaid': ['resellers.payouts'],
  'vouchers.createBatch': ['voucherBatches.create'],
  'vouchers.voidBatch': ['voucherBatches.void'],
  'vouchers.voidCard': ['vouchers.void'],
  'webhooks.create': ['webhookEndpoints.create'],
  'webhooks.update': ['webhookEndpoints.update'],
  'webhooks.remove': ['webhookEndpoints.delete'],
  'webhooks.rotateSecret': ['webhookEndpoints.rotateSecret'],
  'webhooks.sendTest': ['webhookEndpoints.test'],
  'webhooks.retry': ['webhookEndpoints.deliveries.retry'],
  // The portal's own-account actions; the desk's twins name the customer.
  'portal.redeemVoucher': ['customers.vouchers.redeem'],
  'portal.topUp': ['customers.topUps'],
  'portal.applyCredit': ['invoices.applyCredit'],
};

const yourOwnAccount = 'the signed-in person’s own account; an API key is no person and has none';
const yourOwnViews = 'saved views are a console convenience of the signed-in person (filter sets of a list’s URL); an API key is no person and has none';

/** Mutations with no REST twin, each with why. */
const consoleOnly: Record<string, string> = {
  'account.changeName': yourOwnAccount,
  'account.changePassword': yourOwnAccount,
  'account.startTwoFactor': yourOwnAccount,
  'account.confirmTwoFactor': yourOwnAccount,
  'account.disableTwoFactor': yourOwnAccount,
  'savedViews.create': yourOwnViews,
  'savedViews.rename': yourOwnViews,
  'savedViews.delete': yourOwnViews,
  'portal.updateProfile': 'a client’s own profile in the portal; API keys name admin, staff or reseller roles, never a client',
  'portal.setLocale':
    'a client choosing its own language with the switcher; API keys are never a client’s, and PATCH /api/v1/customers/:id sets `locale` for integrators',
  'portal.massPay':
    'a client’s one checkout for several of its invoices, paid by card or PayPal in the browser; an integrator records each payment with invoices.payments',
  // The desk's twin of a customer's plan change is services.changePlan, for any service of its book.
  'portal.changePlan': 'a client changing its own service in the portal (docs/services.md); API keys are never a client’s',
  'portal.cancelService': 'a client’s own cancellation request in the portal (docs/services.md); API keys are never a client’s',
  'collect.collectCash':
    'a cash collector is a person in the field with a session, never an API key (docs/collectors.md); an integrator records the same payment with invoices.payments, method collector',
};

const mutations = Object.entries(appRouter._def.procedures)
  .filter(([, procedure]) => (procedure as AnyProcedure)._def.type === 'mutation')
  .map(([name]) => name);
const operationIds = new Set(routes.map(operationId));

describe('REST parity with the console', () => {
  it('gives every tRPC mutation a REST twin, or a reason it is console-only', () => {
    expect(mutations.filter((name) => !(name in restTwins) && !(name in consoleOnly)).sort(), 'mutations with neither a twin nor a reason').toEqual([]);
    expect(
      mutations.filter((name) => name in restTwins && name in consoleOnly),
      'mutations listed as both',
    ).toEqual([]);
  });

  it('names only operations the API serves', () => {
    const named = mutations.flatMap((name) => (restTwins[name] ?? []).map((id) => `${name} → ${id}`));
    expect(
      named.filter((pair) => !operationIds.has(pair.split(' → ')[1]!)),
      'twins the OpenAPI document does not have',
    ).toEqual([]);
  });
});
