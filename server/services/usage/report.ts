import { randomUUID } from 'node:crypto';
import { and, sql } from 'drizzle-orm';
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

type Row = { id: string; key: string; customer_id: string; service_id: string; quantity: string; occurred_at: string };

/** The field a record's error names: `service_id` alone, `records.3.service_id` in a batch. */
export type FieldOf = (index: number, field: string) => string;

const identity = (row: { customerId: string; key: string }) => `${row.customerId} ${row.key}`;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Records usage reported for usage services, all or none: every record is checked (its service
 * exists in the caller's book, bills usage and is running) before anything is written. Records
 * are idempotent per customer by their id — one already stored, or repeated earlier in the same
 * request, answers the first record and counts nothing.
 *
 * Ingestion speed is the point (docs/performance.md): whatever the request's size, one lookup of
 * its services, one insert, at most one read-back of ids stored before, one audit statement. The
 * rows travel as one JSON parameter: building a 1,000-row VALUES list with the query builder
 * cost more than the insert itself.
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
    // The ids are checked uuids: one parameter instead of one per service.
    .where(and(sql`${services.id} = any(string_to_array(${serviceIds.join(',')}, ',')::uuid[])`, ownedByScope(services.customerId, ctx.actor.scope)));
  const serviceOf = new Map(found.map((s) => [s.id, s]));

  const invalid: FieldErrors = {};
  const notRunning: FieldErrors = {};
  const now = ctx.now.toISOString();
  const rows: Row[] = records.map((record, index) => {
    const service = serviceOf.get(record.serviceId);
    // Another book's service is as unknown as a missing one: its existence is not the caller's to learn.
    if (!service) invalid[fieldOf(index, 'service_id')] = 'is not a service';
    else if (service.usageUnitPrice === null) invalid[fieldOf(index, 'service_id')] = 'is not a usage service';
    else if (!reportable.includes(service.status)) notRunning[fieldOf(index, 'service_id')] = `is ${service.status}; it takes no usage`;
    // Without the reporter's id the record's own id is its key, answered so a retry can send it.
    const id = randomUUID();
    return {
      id,
      key: record.id ?? id,
      customer_id: service?.customerId ?? '',
      service_id: record.serviceId,
      quantity: formatMicro(record.quantity),
      occurred_at: record.occurredAt ?? now,
    };
  });
  if (Object.keys(invalid).length > 0) throw new AppError('validation', 'The usage is not valid; see fields', invalid);
  if (Object.keys(notRunning).length > 0) throw new AppError('invalid_state', 'Usage can only be reported for a running service', notRunning);

  const first = new Map<string, Row>();
  for (const row of rows) {
    const at = identity({ customerId: row.customer_id, key: row.key });
    if (!first.has(at)) first.set(at, row);
  }
  // Concurrent batches insert overlapping ids in one order, so each waits for the other's
  // conflicting row instead of deadlocking on two of them taken in opposite orders.
  const fresh = [...first.values()].sort((a, b) => (a.customer_id === b.customer_id ? compare(a.key, b.key) : compare(a.customer_id, b.customer_id)));
  const input = sql`rows from (jsonb_to_recordset(${JSON.stringify(fresh)}::jsonb)
    as (id uuid, key text, customer_id uuid, service_id uuid, quantity numeric, occurred_at timestamptz)) with ordinality
    as r(id, key, customer_id, service_id, quantity, occurred_at, n)`;

  return ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(usageRecords)
      .select(sql`select r.id, r.key, r.customer_id, r.service_id, r.quantity, r.occurred_at, null, ${now}::timestamptz from ${input} order by r.n`)
      .onConflictDoNothing({ target: [usageRecords.customerId, usageRecords.key] })
      .returning();
    const stored = new Map(inserted.map((row) => [identity(row), row]));
    if (stored.size < fresh.length) {
      // Stored earlier, or by a concurrent request the insert waited for: this statement sees it.
      const earlier = await tx
        .select()
        .from(usageRecords)
        .where(sql`(${usageRecords.customerId}, ${usageRecords.key}) in (select r.customer_id, r.key from ${input})`);
      for (const row of earlier) if (!stored.has(identity(row))) stored.set(identity(row), row);
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

    return { records: rows.map((row) => usageView(stored.get(identity({ customerId: row.customer_id, key: row.key }))!)), inserted: inserted.length };
  });
}
