import { formatMinor } from '@/server/billing/currency';
import type { ListOrdersInput } from '@/server/schemas/orders';
import type { ServiceContext } from '@/server/services/context';
import { safeCell } from '@/server/services/spreadsheet';
import { listOrders } from './list';

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
