import { and, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db';
import { invoices, orders, products, services } from '@/db/schema';
import { requirePermission, type Actor } from '@/server/auth/actor';
import { awaitingProvisioning } from '@/server/billing/order-status';
import { AppError, notFound } from '@/server/errors';
import { provisionerFor, type ServiceSubject } from '@/server/provisioning/provisioner';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { activateOrder } from '@/server/services/orders/activate';
import { lockOrder } from './store';

export type ProvisioningTask = ServiceSubject & { module: 'manual' | 'webhook' };

/** The order's services that still have to be set up at a provider, with how. */
export async function servicesToProvision(db: Database, orderId: string): Promise<ProvisioningTask[]> {
  const rows = await db
    .select({ service: services, module: products.provisioningModule })
    .from(services)
    .innerJoin(products, eq(products.id, services.productId))
    .where(and(eq(services.orderId, orderId), isNull(services.provisionedAt), inArray(services.status, [...awaitingProvisioning])));
  return rows.flatMap(({ service: s, module }) =>
    module
      ? [
          {
            id: s.id,
            orderId: s.orderId,
            customerId: s.customerId,
            productId: s.productId,
            name: s.name,
            cycle: s.cycle,
            price: s.price.toString(),
            currency: s.currency,
            module,
          },
        ]
      : [],
  );
}

/** Runs the product's provisioner for one service; a webhook's 2xx marks it provisioned. */
export async function provisionService(db: Database, actor: Actor, task: ProvisioningTask, now: Date): Promise<{ done: boolean; detail: string }> {
  const [product] = await db
    .select({ provisioningModule: products.provisioningModule, provisioningUrl: products.provisioningUrl })
    .from(products)
    .where(eq(products.id, task.productId));
  const provisioner = provisionerFor(product!);
  if (!provisioner) return { done: true, detail: 'nothing to provision' };
  const outcome = await provisioner.run('create', task, `provision:${task.id}`);
  await db.transaction(async (tx) => {
    await tx
      .update(services)
      .set(outcome.done ? { provisionedAt: now, status: 'pending', updatedAt: now } : { status: 'pending', updatedAt: now })
      .where(eq(services.id, task.id));
    await audit(
      tx,
      actor,
      outcome.done ? 'service.provisioned' : 'service.awaiting_provisioning',
      { type: 'order', id: task.orderId },
      { after: { serviceId: task.id, detail: outcome.detail } },
    );
  });
  return outcome;
}

/**
 * A pending order whose services are all set up goes live; one still waiting for a person
 * stays pending. Returns whether it is active now.
 */
export async function activateIfProvisioned(db: Database, actor: Actor, orderId: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order || order.status !== 'pending' || order.awaitingApproval) return order?.status === 'active';
    if ((await servicesToProvision(tx, orderId)).length > 0) return false;
    await activateOrder(tx, actor, orderId, now);
    return true;
  });
}

/** Provisioning gave up (retries spent): the services not set up are failed, for an admin to retry. */
export async function failProvisioning(db: Database, actor: Actor, orderId: string, error: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const failed = await tx
      .update(services)
      .set({ status: 'failed', updatedAt: now })
      .where(and(eq(services.orderId, orderId), isNull(services.provisionedAt), eq(services.status, 'pending')))
      .returning({ id: services.id });
    await audit(tx, actor, 'order.provisioning_failed', { type: 'order', id: orderId }, { after: { services: failed.map((s) => s.id), error } });
  });
}

/** Whether the order's first invoice is paid, itself or through the invoice it was consolidated into. */
async function firstInvoicePaid(tx: Database, orderId: string): Promise<boolean> {
  const parent = alias(invoices, 'parent');
  const [first] = await tx
    .select({ status: invoices.status, parentStatus: parent.status })
    .from(invoices)
    .leftJoin(parent, eq(parent.id, invoices.consolidatedIntoId))
    .where(and(eq(invoices.orderId, orderId), eq(invoices.purpose, 'first')));
  return first?.status === 'paid' || first?.parentStatus === 'paid';
}

/** An admin set a manually provisioned service up; the order goes live once nothing else waits. */
export async function markServiceProvisioned(ctx: ServiceContext, input: { id: string }): Promise<{ orderActive: boolean }> {
  requirePermission(ctx.actor, 'orders.edit');
  const [service] = await ctx.db.select().from(services).where(eq(services.id, input.id));
  if (!service) throw notFound('Service');
  await ctx.db.transaction(async (tx) => {
    await lockOrder(tx, ctx.actor.scope, service.orderId);
    if (service.provisionedAt) throw new AppError('invalid_state', 'This service is provisioned already');
    if (!(await firstInvoicePaid(tx, service.orderId))) {
      throw new AppError('invalid_state', 'The order’s first invoice is not paid yet; a service is provisioned once its order is paid');
    }
    await tx.update(services).set({ provisionedAt: ctx.now, status: 'pending', updatedAt: ctx.now }).where(eq(services.id, service.id));
    await audit(tx, ctx.actor, 'service.provisioned', { type: 'order', id: service.orderId }, { after: { serviceId: service.id, by: 'hand' } });
  });
  return { orderActive: await activateIfProvisioned(ctx.db, ctx.actor, service.orderId, ctx.now) };
}
