export const orderStatuses = ['draft', 'pending', 'active', 'suspended', 'cancelled', 'terminated'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

// DESIGN.md §4: draft → pending → active ⇄ suspended → cancelled / terminated.
const allowed: Record<OrderStatus, readonly OrderStatus[]> = {
  draft: ['pending', 'cancelled'],
  pending: ['active', 'cancelled'],
  active: ['suspended', 'cancelled', 'terminated'],
  suspended: ['active', 'cancelled', 'terminated'],
  cancelled: [],
  terminated: [],
};

/** The statuses an admin may move an order to from `from` (the console offers exactly these). */
export function nextOrderStatuses(from: OrderStatus): readonly OrderStatus[] {
  return allowed[from];
}

export function canChangeOrderStatus(from: OrderStatus, to: OrderStatus): boolean {
  return allowed[from].includes(to);
}
