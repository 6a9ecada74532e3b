import { usageRecords } from '@/db/schema';
import { trimDecimal } from '@/server/billing/decimal';

/** A usage record as the API answers it; `id` is the reporter's id for it (its key). */
export type UsageRecordView = {
  id: string;
  serviceId: string;
  customerId: string;
  quantity: string;
  occurredAt: Date;
  createdAt: Date;
  invoiceId: string | null;
};

export const usageView = (row: typeof usageRecords.$inferSelect): UsageRecordView => ({
  id: row.key,
  serviceId: row.serviceId,
  customerId: row.customerId,
  quantity: trimDecimal(row.quantity),
  occurredAt: row.occurredAt,
  createdAt: row.createdAt,
  invoiceId: row.invoiceId,
});
