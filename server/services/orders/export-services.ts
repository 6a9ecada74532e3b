import { formatMinor } from '@/server/billing/currency';
import type { ListServicesInput } from '@/server/schemas/money-lists';
import type { ServiceContext } from '@/server/services/context';
import { safeCell } from '@/server/services/spreadsheet';
import { eachService } from './list-services';

/** The filtered services as CSV rows (header first); `price` is per cycle, seats included. */
export async function exportServices(ctx: ServiceContext, input: ListServicesInput): Promise<string[][]> {
  const rows = [
    [
      'id',
      'name',
      'status',
      'product_id',
      'product',
      'cycle',
      'price',
      'currency',
      'quantity',
      'usage_unit_price',
      'next_due_date',
      'terminates_on',
      'order_id',
      'order_number',
      'customer_id',
      'customer',
      'created_at',
    ],
  ];
  for await (const s of eachService(ctx, input)) {
    rows.push([
      s.id,
      safeCell(s.name),
      s.status,
      s.productId,
      safeCell(s.productName),
      s.cycle,
      formatMinor(s.price * BigInt(s.quantity), s.currency),
      s.currency,
      String(s.quantity),
      s.usageUnitPrice ?? '',
      s.nextDueDate,
      s.terminatesOn ?? '',
      s.orderId,
      s.orderNumber,
      s.customerId,
      safeCell(s.customerName),
      s.createdAt.toISOString(),
    ]);
  }
  return rows;
}
