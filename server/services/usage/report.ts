import { randomUUID } from 'node:crypto';
import { and, inArray } from 'drizzle-orm';
import { services, usageRecords } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { formatMicro, parseMicro } from '@/server/billing/decimal';
import type { ServiceStatus } from '@/server/billing/order-status';
import { AppError, type FieldErrors } from '@/server/errors';
import type { UsageRecordInput } from '@/server/schemas/usage';
import { auditEach } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { ownedByScope } from '@/server/services/customers/scope';
import { usageView, type UsageRecordView } from './view';

// Usage is reported after the fact, so a service suspended by dunning still takes what it used
// before; one not running (pending, cancelled, terminated, failed) takes none.
const reportable: readonly ServiceStatus[] = ['active', 'suspended'];

type Row = typeof usageRecords.$inferInsert & { customerId: string; key: string };

/** The field a record's error names: `service_id` alone, `records.3.service_id` in a batch. */
export type FieldOf = (index: number, field: string) => string;

/**
 * Records usage reported for usage services, all or none: every record is checked (its service
 * exists in the caller's book, bills usage and is running) before anything is written. Records
 * are idempotent per customer by their id — one already stored, or repeated earlier in the same
 * request, answers the first record and counts nothing. One multi-row insert and one audit
 * statement per request, whatever its size: ingestion speed is the point (docs/performance.md).
 */
export async function reportUsage(
  ctx: ServiceContext,
  records: readonly UsageRecordInput[],
  fieldOf: FieldOf,
): Promise<{ records: UsageRecordView[]; inserted: number }> {
  requirePermission(ctx.actor, 'usage.report');
  const serviceIds = [...new Set(records.map((r) => r.serviceId))];
  const found = await ctx.db
    .select({ id: services.id, customerId: services.customerId, status: services.status, usageUnitPrice: services.usageUnitPrice })
    .from(services)
    .where(and(inArray(services.id, serviceIds), ownedByScope(services.customerId, ctx.actor.scope)));
  const serviceOf = new Map(found.map((s) => [s.id, s]));

  const invalid: FieldErrors = {};
  const notRunning: FieldErrors = {};
  const rows: Row[] = records.map((record, index) => {
    const service = serviceOf.get(record.serviceId);
    // Another book's service is as unknown as a missing one: its existence is not the caller's to learn.
    if (!service) invalid[fieldOf(index, 'service_id')] = 'is not a service';
    else if (service.usageUnitPrice === null) invalid[fieldOf(index, 'service_id')] = 'is not a usage service';
    else if (!reportable.includes(service.status)) notRunning[fieldOf(index, 'service_id')] = `is ${service.status}; it takes no usage`;
    const generated = record.id === undefined ? randomUUID() : undefined;
    return {
      ...(generated ? { id: generated } : {}),
      key: record.id ?? generated!,
      customerId: service?.customerId ?? '',
      serviceId: record.serviceId,
      quantity: formatMicro(record.quantity),
      occurredAt: record.occurredAt ? new Date(record.occurredAt) : ctx.now,
      createdAt: ctx.now,
    };
  });
  if (Object.keys(invalid).length > 0) throw new AppError('validation', 'The usage is not valid; see fields', invalid);
  if (Object.keys(notRunning).length > 0) throw new AppError('invalid_state', 'Usage can only be reported for a running service', notRunning);

  const identity = (row: { customerId: string; key: string }) => `${row.customerId} ${row.key}`;
  const first = new Map<string, Row>();
  for (const row of rows) if (!first.has(identity(row))) first.set(identity(row), row);
  // Concurrent batches insert overlapping ids in one order, so each waits for the other's
  // conflicting row instead of deadlocking on two of them taken in opposite orders.
  const fresh = [...first.values()].sort((a, b) => (a.customerId === b.customerId ? compare(a.key, b.key) : compare(a.customerId, b.customerId)));

  return ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(usageRecords)
      .values(fresh)
      .onConflictDoNothing({ target: [usageRecords.customerId, usageRecords.key] })
      .returning();
    const stored = new Map(inserted.map((row) => [identity(row), row]));
    const earlier = fresh.filter((row) => !stored.has(identity(row)));
    if (earlier.length > 0) {
      const existing = await tx
        .select()
        .from(usageRecords)
        .where(
          and(
            inArray(usageRecords.customerId, [...new Set(earlier.map((r) => r.customerId))]),
            inArray(
              usageRecords.key,
              earlier.map((r) => r.key),
            ),
          ),
        );
      for (const row of existing) if (first.has(identity(row)) && !stored.has(identity(row))) stored.set(identity(row), row);
    }

    const perService = new Map<string, { records: number; quantity: bigint }>();
    for (const row of inserted) {
      const total = perService.get(row.serviceId) ?? { records: 0, quantity: 0n };
      perService.set(row.serviceId, { records: total.records + 1, quantity: total.quantity + parseMicro(row.quantity)! });
    }
    await auditEach(
      tx,
      ctx.actor,
      'usage.report',
      [...perService].map(([id, total]) => ({ entity: { type: 'service', id }, after: { records: total.records, quantity: formatMicro(total.quantity) } })),
    );

    return { records: rows.map((row) => usageView(stored.get(identity(row))!)), inserted: inserted.length };
  });
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
