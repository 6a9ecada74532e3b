import { and, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Database } from '@/db';
import { invoiceLines, invoices, services } from '@/db/schema';
import { requirePermission, type Actor } from '@/server/auth/actor';
import { balanceOf } from '@/server/billing/invoice-status';
import { toPlainDate, type PlainDate } from '@/server/billing/periods';
import { AppError } from '@/server/errors';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { cancelLocked } from '@/server/services/invoices/cancel';
import { moneyOf } from '@/server/services/invoices/store';
import { lockCustomer } from '@/server/services/locks';
import { writeOrPreview } from '@/server/services/preview';
import { readBillingSettings } from '@/server/services/settings/read';
import { emitServiceLifecycle } from './lifecycle';
import { findService } from './plan-choices';

export type CancellationMode = 'end_of_period' | 'immediately';

/** What a cancellation does, shown before it is confirmed and answered after. */
export type Cancellation = {
  mode: CancellationMode;
  /** The service's last day in use: the day before `endsOn` at the end of the period, today at once. */
  endsOn: PlainDate;
  /** Unpaid invoices that bill only this service from `endsOn` on: cancelled. */
  cancelledInvoices: Array<{ id: string; number: string | null; total: bigint }>;
  /** Unpaid invoices that stay due (they bill time already used, or other services too). */
  dueInvoices: Array<{ id: string; number: string | null; balance: bigint }>;
};

/**
 * A customer's cancellation of its own service (the portal), when Settings → Billing says:
 * at the end of the paid period (default — nothing from that day on is billed, and the daily
 * dunning run cancels the service then, `endCancelledServices`) or at once. Either way the unpaid
 * invoices that bill only this service for periods from the end on are cancelled; what bills
 * time already used, or other services on the same invoice, stays due. `preview` answers with
 * the same outcome and writes nothing.
 */
export async function cancelOwnService(
  ctx: ServiceContext,
  input: { serviceId: string; reason?: string | undefined; preview?: boolean | undefined },
): Promise<Cancellation> {
  requirePermission(ctx.actor, 'orders.create');
  if (ctx.actor.scope.kind !== 'customer') throw new AppError('forbidden', 'Only the customer requests a cancellation here');
  return writeOrPreview(ctx.db, input.preview, async (tx) => {
    const found = await findService(tx, ctx.actor, input.serviceId);
    await lockCustomer(tx, found.customerId);
    const [service] = await tx.select().from(services).where(eq(services.id, found.id)).for('update');
    if (!service || (service.status !== 'active' && service.status !== 'suspended')) {
      throw new AppError('invalid_state', 'Only an active or suspended service can be cancelled');
    }
    if (service.cancelAt) throw new AppError('invalid_state', `This service is already cancelled from ${service.cancelAt}`);
    const { self_service } = await readBillingSettings(tx);
    const today = toPlainDate(ctx.now);
    const endOfPeriod = self_service.cancellation === 'end_of_period' && service.periodEnd !== null && service.periodEnd > today;
    const mode: CancellationMode = endOfPeriod ? 'end_of_period' : 'immediately';
    const endsOn = endOfPeriod ? service.periodEnd! : today;

    const unpaid = await unpaidInvoices(tx, service.id);
    const ending = unpaid.filter((i) => i.onlyThisService && i.firstPeriod !== null && i.firstPeriod >= endsOn && i.amountPaid === 0n);
    for (const invoice of ending) await cancelLocked(tx, ctx, invoice.row, 'The customer cancelled the service');
    const kept = unpaid.filter((i) => !ending.includes(i));

    if (endOfPeriod) {
      await tx.update(services).set({ cancelAt: endsOn, updatedAt: ctx.now }).where(eq(services.id, service.id));
    } else {
      await tx.update(services).set({ status: 'cancelled', cancelAt: endsOn, updatedAt: ctx.now }).where(eq(services.id, service.id));
      await emitServiceLifecycle(tx, 'terminate', [service.id], ctx.now);
    }
    const outcome: Cancellation = {
      mode,
      endsOn,
      cancelledInvoices: ending.map((i) => ({ id: i.row.id, number: i.row.number, total: i.row.total })),
      dueInvoices: kept.map((i) => ({ id: i.row.id, number: i.row.number, balance: balanceOf(moneyOf(i.row)) })),
    };
    await audit(
      tx,
      ctx.actor,
      'service.cancellation_requested',
      { type: 'service', id: service.id },
      { before: { status: service.status }, after: { ...outcome, reason: input.reason ?? null } },
    );
    return outcome;
  });
}

/** The service's invoices awaiting payment (locked), with whether they bill it alone and the first period they bill. */
async function unpaidInvoices(tx: Database, serviceId: string) {
  const billing = await tx
    .selectDistinct({ id: invoiceLines.invoiceId })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(and(eq(invoiceLines.serviceId, serviceId), eq(invoices.kind, 'invoice'), inArray(invoices.status, ['pending', 'partial', 'overdue'])));
  if (billing.length === 0) return [];
  const ids = billing.map((b) => b.id);
  const rows = await tx.select().from(invoices).where(inArray(invoices.id, ids)).orderBy(invoices.dueDate).for('update');
  const lines = await tx
    .select({ invoiceId: invoiceLines.invoiceId, serviceId: invoiceLines.serviceId, periodStart: invoiceLines.periodStart })
    .from(invoiceLines)
    .where(inArray(invoiceLines.invoiceId, ids));
  return rows.map((row) => {
    const own = lines.filter((l) => l.invoiceId === row.id);
    const periods = own.filter((l) => l.serviceId === serviceId && l.periodStart !== null).map((l) => l.periodStart!);
    return {
      row,
      amountPaid: row.amountPaid,
      onlyThisService: own.every((l) => l.serviceId === serviceId),
      firstPeriod: periods.length === 0 ? null : periods.sort()[0]!,
    };
  });
}

/**
 * The daily dunning run's part: services whose cancellation at the end of the period has come
 * (`cancel_at` on or before `date`) are cancelled, their providers told, each with an audit row.
 */
export async function endCancelledServices(tx: Database, actor: Actor, date: PlainDate, now: Date): Promise<number> {
  const ended = await tx
    .update(services)
    .set({ status: 'cancelled', updatedAt: now })
    .where(and(isNotNull(services.cancelAt), lte(services.cancelAt, date), inArray(services.status, ['active', 'suspended'])))
    .returning({ id: services.id });
  await emitServiceLifecycle(
    tx,
    'terminate',
    ended.map((s) => s.id),
    now,
  );
  for (const service of ended) {
    await audit(
      tx,
      actor,
      'service.cancelled',
      { type: 'service', id: service.id },
      { after: { status: 'cancelled', reason: 'cancelled at the end of its period' } },
    );
  }
  return ended.length;
}
