import { invoiceActions, type InvoiceFacts } from './invoice-status';

// New values go at the end: the pgEnum is built from this list and PostgreSQL appends them.
export const orderStatuses = ['draft', 'pending', 'active', 'suspended', 'cancelled', 'terminated', 'paused', 'completed'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

// DESIGN.md §4: draft → pending → active ⇄ suspended → cancelled / terminated. A contract order
// (docs/contract-orders.md) also goes draft → active and active ⇄ paused through its own
// activate/deactivate use cases (canActivateOrder, canDeactivateOrder), not this table, since
// activating creates or resumes its services; the billing run completes it after its last period.
const allowed: Record<OrderStatus, readonly OrderStatus[]> = {
  draft: ['pending', 'cancelled'],
  pending: ['active', 'cancelled'],
  active: ['suspended', 'cancelled', 'terminated'],
  suspended: ['active', 'cancelled', 'terminated'],
  cancelled: [],
  terminated: [],
  paused: ['cancelled', 'terminated'],
  completed: [],
};

/** The statuses an admin may move an order to from `from` (the console offers exactly these). */
export function nextOrderStatuses(from: OrderStatus): readonly OrderStatus[] {
  return allowed[from];
}

export function canChangeOrderStatus(from: OrderStatus, to: OrderStatus): boolean {
  return allowed[from].includes(to);
}

/** A contract order goes live from draft (its services are created) or paused (they resume billing). */
export const canActivateOrder = (order: { status: OrderStatus; contract: boolean }): boolean =>
  order.contract && (order.status === 'draft' || order.status === 'paused');
/** Only an active contract order pauses: billing stops, its services keep running at the provider. */
export const canDeactivateOrder = (order: { status: OrderStatus; contract: boolean }): boolean => order.contract && order.status === 'active';
/** A contract order's details and lines change only while it is a draft. */
export const canEditContract = (order: { status: OrderStatus; contract: boolean }): boolean => order.contract && order.status === 'draft';

/** Only a pending order is approved: it goes live with its services, paid or not. */
export const canApproveOrder = (status: OrderStatus): boolean => status === 'pending';

export const serviceStatuses = ['pending', 'active', 'suspended', 'terminated', 'cancelled', 'failed'] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];
/** Not set up at its provider yet: what provisioning (by webhook or by hand) still has to do. */
export const awaitingProvisioning = ['pending', 'failed'] as const satisfies readonly ServiceStatus[];
/** Running, if perhaps suspended: what a plan change applies to. */
export const planChangeable = ['active', 'suspended'] as const satisfies readonly ServiceStatus[];

export const canChangePlan = (status: ServiceStatus): boolean => (planChangeable as readonly ServiceStatus[]).includes(status);
/** Seats change on a running service of a running order (a seated one: a usage service bills what it uses). */
export const canChangeSeats = (order: { status: OrderStatus }, service: { status: ServiceStatus; usageUnitPrice: string | null }): boolean =>
  order.status === 'active' && service.status === 'active' && service.usageUnitPrice === null;

export function awaitsProvisioning(service: { status: ServiceStatus; provisionedAt: Date | null }): boolean {
  return service.provisionedAt === null && (awaitingProvisioning as readonly ServiceStatus[]).includes(service.status);
}

export type OrderActions = {
  approve: boolean;
  /** The statuses the admin may move it to. */
  changeStatus: readonly OrderStatus[];
  /** Pay its first invoice (on that invoice's page). */
  pay: boolean;
  /** A new line price follows onto the first invoice: edited while unpaid, else by a credit or debit note. */
  editPrice: boolean;
};

/**
 * The actions the order's state (and its first invoice's) allows, by the same rules the services
 * apply. The payment method and labels have no rule of state: they may change on any order.
 */
export function orderActions(order: { status: OrderStatus; lineCount: number }, firstInvoice: InvoiceFacts | null): OrderActions {
  const invoice = firstInvoice && invoiceActions(firstInvoice);
  return {
    approve: canApproveOrder(order.status),
    changeStatus: nextOrderStatuses(order.status),
    pay: invoice?.recordPayment ?? false,
    editPrice: order.lineCount > 0 && invoice !== null && (invoice.edit || invoice.correct),
  };
}

/**
 * The document that carries what an order's first invoice billed: the invoice it was consolidated
 * into when there is one among `documents`, else the first invoice itself. The console's order
 * page and the portal's orders both pay and link through it.
 */
export function documentCarrying<T extends { id: string; consolidatedIntoId: string | null }>(original: T | undefined, documents: readonly T[]): T | undefined {
  return documents.find((d) => d.id === original?.consolidatedIntoId) ?? original;
}
