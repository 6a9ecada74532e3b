import { permissions, type Permission } from './auth/permissions';
import { invoiceStatuses } from './billing/invoice-status';
import { orderStatuses, serviceStatuses } from './billing/order-status';
import { jobStatuses } from './jobs/job-status';
import type { PaymentMethod } from './schemas/invoices';

// The words people read for the codes the data stores: every screen, e-mail and CSV that shows a
// status, a payment method or a permission takes them from here, so one code reads the same
// everywhere and no `bank_transfer` or `orders.edit` reaches a person.

/** Statuses of prepaid cards and of sent notifications, which have no constant of their own. */
export const voucherStatuses = ['unused', 'redeemed', 'voided', 'expired'] as const;
export const notificationStatuses = ['sending', 'sent', 'failed', 'skipped'] as const;

/** Every status code any record carries; the same code means the same words on every record. */
export const allStatuses = [
  ...new Set([...invoiceStatuses, ...orderStatuses, ...serviceStatuses, ...jobStatuses, ...voucherStatuses, ...notificationStatuses]),
];
type Status = (typeof allStatuses)[number];

export const statusLabels: Record<Status, string> = {
  draft: 'Draft',
  pending: 'Pending',
  partial: 'Partly paid',
  paid: 'Paid',
  overdue: 'Overdue',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
  active: 'Active',
  suspended: 'Suspended',
  terminated: 'Terminated',
  paused: 'Paused',
  completed: 'Completed',
  failed: 'Failed',
  queued: 'Queued',
  running: 'Running',
  unused: 'Unused',
  redeemed: 'Redeemed',
  voided: 'Voided',
  expired: 'Expired',
  sending: 'Sending',
  sent: 'Sent',
  skipped: 'Skipped',
};

/** A code in words when there is no label for it (a new status before its label): "bank_transfer", "billing-run" → "Bank transfer", "Billing run". */
export const humanizeCode = (code: string) => {
  const words = code.replaceAll(/[-_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const statusLabel = (status: string): string => (statusLabels as Record<string, string>)[status] ?? humanizeCode(status);

export const paymentMethodLabels: Record<PaymentMethod, string> = {
  bank_transfer: 'Bank transfer',
  cash: 'Cash',
  card: 'Card (terminal)',
  prepaid_card: 'Prepaid card',
  collector: 'Cash collector',
  online: 'Other online payment',
  stripe: 'Stripe (card)',
  paypal: 'PayPal',
  credit: 'Credit balance',
};

export const paymentMethodLabel = (method: string): string => (paymentMethodLabels as Record<string, string>)[method] ?? humanizeCode(method);

type PermissionText = { label: string; description: string };

export const permissionTexts: Record<Permission, PermissionText> = {
  'customers.view': { label: 'See customers', description: 'Open the customer list and each customer’s page.' },
  'customers.create': { label: 'Add customers', description: 'Create customer accounts and portal sign-ins.' },
  'customers.edit': { label: 'Edit customers', description: 'Change details, contacts and notes, and take from a credit balance.' },
  'customers.delete': { label: 'Delete customers', description: 'Remove a customer who has no documents.' },
  'invoices.view': { label: 'See invoices', description: 'Open invoices, credit notes and their PDFs.' },
  'invoices.create': { label: 'Create invoices', description: 'Draft invoices, credit and debit notes.' },
  'invoices.edit': { label: 'Edit invoices', description: 'Change, send and record payments on invoices; change a service’s plan.' },
  'invoices.delete': { label: 'Delete invoices', description: 'Delete drafts and cancel issued invoices.' },
  'orders.view': { label: 'See orders', description: 'Open orders and the services they hold.' },
  'orders.create': { label: 'Place orders', description: 'Place orders for customers.' },
  'orders.edit': { label: 'Edit orders', description: 'Change status, price, plan and details of orders and services.' },
  'orders.delete': { label: 'Delete orders', description: 'Delete orders that were never billed.' },
  'catalog.view': { label: 'See the catalog', description: 'See products, prices and coupons.' },
  'catalog.manage': { label: 'Manage the catalog', description: 'Add and change products, prices and coupons.' },
  'usage.report': { label: 'Report usage', description: 'Send metered usage for usage-billed services (API).' },
  'payments.refund': { label: 'Refund payments', description: 'Send money back through the gateway or record a refund.' },
  'billing.run': { label: 'Run billing', description: 'Start the renewal and dunning runs that invoice and suspend every customer.' },
  'credit.grant': { label: 'Grant credit', description: 'Add to a customer’s credit balance out of nothing.' },
  'vouchers.manage': { label: 'Manage prepaid cards', description: 'Generate, print and void prepaid cards, and redeem them for customers.' },
  'settings.manage': { label: 'Change settings', description: 'Company, taxes, payments, automation and e-mail settings.' },
  'reports.view': { label: 'See reports', description: 'Revenue, MRR, ageing, tax and commission reports.' },
  'transactions.view_all': { label: 'See all transactions', description: 'The ledger of every payment, refund and credit movement.' },
  'payments.collect': { label: 'Collect cash', description: 'Record cash on the Collect page for assigned customers.' },
};

/** The permissions in the groups the Staff page shows them in, each permission in exactly one. */
export const permissionGroups: ReadonlyArray<{ name: string; permissions: readonly Permission[] }> = [
  { name: 'Customers', permissions: ['customers.view', 'customers.create', 'customers.edit', 'customers.delete', 'credit.grant'] },
  {
    name: 'Invoices and payments',
    permissions: ['invoices.view', 'invoices.create', 'invoices.edit', 'invoices.delete', 'payments.refund', 'payments.collect'],
  },
  {
    name: 'Orders and catalog',
    permissions: ['orders.view', 'orders.create', 'orders.edit', 'orders.delete', 'catalog.view', 'catalog.manage', 'usage.report'],
  },
  { name: 'Money and administration', permissions: ['transactions.view_all', 'reports.view', 'vouchers.manage', 'billing.run', 'settings.manage'] },
];

export const permissionLabel = (permission: string): string =>
  (permissions as readonly string[]).includes(permission) ? permissionTexts[permission as Permission].label : humanizeCode(permission);
