import { formatMinor } from '../billing/currency';
import type { ListOrdersInput } from '../schemas/orders';
import type { ServiceContext } from './context';
import { safeCell } from './export-invoices';
import { listOrders } from './list-orders';

/** The filtered orders as CSV rows (header first). */
export async function exportOrders(ctx: ServiceContext, input: ListOrdersInput): Promise<string[][]> {
  const rows = [['number', 'status', 'customer', 'name', 'currency', 'total', 'created_at']];
  let cursor: string | undefined;
  do {
    const page = await listOrders(ctx, { ...input, limit: 200, cursor });
    for (const o of page.items) {
      rows.push([o.number, o.status, safeCell(o.customerName), safeCell(o.name), o.currency, formatMinor(o.total, o.currency), o.createdAt.toISOString()]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}
