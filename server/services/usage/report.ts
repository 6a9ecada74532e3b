import { randomUUID } from 'node:crypto';
import { and, sql } from 'drizzle-orm';
import { services, usageRecords } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { formatMicro } from '@/server/billing/decimal';
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

/** A record as it will be stored (and answered, if it is new): `id` is the key, `rowId` the row's. */
type Candidate = UsageRecordView & { rowId: string; micro: bigint };

/** The field a record's error names: `service_id` alone, `records.3.service_id` in a batch. */
export type FieldOf = (index: number, field: string) => string;

const identity = (record: { customerId: string; id: string }) => `${record.customerId} ${record.id}`;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Records usage reported for usage services, all or none: every record is checked (its service
 * exists in the caller's book, bills usage and is running) before anything is written. Records
 * are idempotent per customer by their id — one already stored, or repeated earlier in the same
 * request, answers the first record and counts nothing.
 *
 * Ingestion speed is the point (docs/performance.md): whatever the request's size, one lookup of
 * its services, one insert, at most one read-back of ids stored before, one audit statement. The
 * rows travel as one JSON parameter (building a 1,000-row VALUES list with the query builder cost
 * more than the insert itself), and new records are answered from what was sent, not read back.
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
  const candidates: Candidate[] = records.map((record, index) => {
    const service = serviceOf.get(record.serviceId);
    // Another book's service is as unknown as a missing one: its existence is not the caller's to learn.
    if (!service) invalid[fieldOf(index, 'service_id')] = 'is not a service';
    else if (service.usageUnitPrice === null) invalid[fieldOf(index, 'service_id')] = 'is not a usage service';
    else if (!reportable.includes(service.status)) notRunning[fieldOf(index, 'service_id')] = `is ${service.status}; it takes no usage`;
    // Without the reporter's id the record's own id is its key, answered so a retry can send it.
    const rowId = randomUUID();
    return {
      rowId,
      id: record.id ?? rowId,
      serviceId: record.serviceId,
      customerId: service?.customerId ?? '',
      micro: record.quantity,
      quantity: formatMicro(record.quantity),
      // Through Date, so what is answered is what the millisecond column keeps.
      occurredAt: record.occurredAt ? new Date(record.occurredAt) : ctx.now,
      createdAt: ctx.now,
      invoiceId: null,
    };
  });
  if (Object.keys(invalid).length > 0) throw new AppError('validation', 'The usage is not valid; see fields', invalid);
  if (Object.keys(notRunning).length > 0) throw new AppError('invalid_state', 'Usage can only be reported for a running service', notRunning);

  const first = new Map<string, Candidate>();
  for (const candidate of candidates) if (!first.has(identity(candidate))) first.set(identity(candidate), candidate);
  // Concurrent batches insert overlapping ids in one order, so each waits for the other's
  // conflicting row instead of deadlocking on two of them taken in opposite orders.
  const fresh = [...first.values()].sort((a, b) => (a.customerId === b.customerId ? compare(a.id, b.id) : compare(a.customerId, b.customerId)));
  const json = JSON.stringify(
    fresh.map((c) => ({ id: c.rowId, key: c.id, customer_id: c.customerId, service_id: c.serviceId, quantity: c.quantity, occurred_at: c.occurredAt })),
  );
  const input = sql`rows from (jsonb_to_recordset(${json}::jsonb)
    as (id uuid, key text, customer_id uuid, service_id uuid, quantity numeric, occurred_at timestamptz)) with ordinality
    as r(id, key, customer_id, service_id, quantity, occurred_at, n)`;

  return ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(usageRecords)
      .select(
        sql`select r.id, r.key, r.customer_id, r.service_id, r.quantity, r.occurred_at, null, ${ctx.now.toISOString()}::timestamptz from ${input} order by r.n`,
      )
      .onConflictDoNothing({ target: [usageRecords.customerId, usageRecords.key] })
      .returning({ customerId: usageRecords.customerId, id: usageRecords.key });
    const answer = new Map<string, UsageRecordView>();
    for (const row of inserted) {
      const { rowId: _rowId, micro: _micro, ...view } = first.get(identity(row))!;
      answer.set(identity(row), view);
    }
    if (answer.size < fresh.length) {
      // Stored earlier, or by a concurrent request the insert waited for: this statement sees it.
      const earlier = await tx
        .select()
        .from(usageRecords)
        .where(sql`(${usageRecords.customerId}, ${usageRecords.key}) in (select r.customer_id, r.key from ${input})`);
      for (const row of earlier.map(usageView)) if (!answer.has(identity(row))) answer.set(identity(row), row);
    }

    const perService = new Map<string, { records: number; quantity: bigint }>();
    for (const row of inserted) {
      const { serviceId, micro } = first.get(identity(row))!;
      const total = perService.get(serviceId) ?? { records: 0, quantity: 0n };
      perService.set(serviceId, { records: total.records + 1, quantity: total.quantity + micro });
    }
    await auditEach(
      tx,
      ctx.actor,
      'usage.report',
      [...perService].map(([id, total]) => ({ entity: { type: 'service', id }, after: { records: total.records, quantity: formatMicro(total.quantity) } })),
    );

    return { records: candidates.map((c) => answer.get(identity(c))!), inserted: inserted.length };
  });
}
