import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { products, services } from '@/db/schema';
import type { Events, WorkflowEvent } from '@/inngest/events';
import type { Actor } from '@/server/auth/actor';
import { canChangePlan } from '@/server/billing/order-status';
import { emitEvents } from '@/server/jobs/runtime';
import { provisionerFor } from '@/server/provisioning/provisioner';
import { audit } from '@/server/services/audit/record';
import { publishWebhookEvents } from '@/server/services/webhooks/publish';

/** The data of a `service/lifecycle` event: what to tell which product's provisioner about a service. */
export type LifecycleEventData = Events['service/lifecycle'];
export type LifecycleAction = LifecycleEventData['action'];

const webhookOfLifecycle = { suspend: 'service.suspended', unsuspend: 'service.unsuspended', terminate: 'service.terminated' } as const;

/**
 * One event per transition: the transition itself happens once (a status change under the
 * order's row lock, or a plan change under the service's), and its event is written in the same
 * transaction, so a rerun of dunning or a retried payment finds nothing left to change and emits
 * nothing. The id only has to be unique per transition and stable once stored (the dispatcher
 * and Inngest dedupe on it; the provider gets it as its idempotency key). A date or an invoice
 * would not be: an order dunning suspended, an admin reactivated and dunning suspended again
 * for the same invoice must be suspended at the provider again.
 */
const lifecycleEvent = (data: LifecycleEventData): WorkflowEvent<'service/lifecycle'> => ({
  name: 'service/lifecycle',
  id: `svc-${data.action}:${data.serviceId}:${randomUUID()}`,
  data,
});

/**
 * Tells the providers of these services (in the caller's transaction) that they were suspended,
 * unsuspended or terminated, and integrators through webhooks out. Only services set up at a
 * webhook provider are told: one never provisioned has nothing there to change, and manual
 * provisioning calls nothing. Webhooks out hear of every one.
 */
export async function emitServiceLifecycle(
  tx: Database,
  action: Exclude<LifecycleAction, 'change_plan'>,
  serviceIds: readonly string[],
  now: Date,
): Promise<number> {
  if (serviceIds.length === 0) return 0;
  await publishWebhookEvents(tx, webhookOfLifecycle[action], 'service', serviceIds, now);
  const rows = await tx
    .select({ id: services.id, orderId: services.orderId, productId: services.productId })
    .from(services)
    .innerJoin(products, eq(products.id, services.productId))
    .where(and(inArray(services.id, [...serviceIds]), isNotNull(services.provisionedAt), eq(products.provisioningModule, 'webhook')));
  await emitEvents(
    tx,
    rows.map((s) => lifecycleEvent({ action, serviceId: s.id, orderId: s.orderId, productId: s.productId })),
  );
  return rows.length;
}

/**
 * A provisioned service moved to another plan: the new product's webhook provider is told, or,
 * when the new product provisions nothing, the old one's (it runs the service).
 */
export async function emitPlanChange(
  tx: Database,
  service: { id: string; orderId: string; provisionedAt: Date | null },
  previous: { productId: string; cycle: string; price: bigint },
  plan: { productId: string; cycle: string },
): Promise<boolean> {
  if (!service.provisionedAt) return false;
  const modules = await tx
    .select({ id: products.id, module: products.provisioningModule })
    .from(products)
    .where(inArray(products.id, [plan.productId, previous.productId]));
  const webhook = (id: string) => modules.some((p) => p.id === id && p.module === 'webhook');
  const productId = webhook(plan.productId) ? plan.productId : webhook(previous.productId) ? previous.productId : null;
  if (!productId) return false;
  await emitEvents(tx, [
    lifecycleEvent({
      action: 'change_plan',
      serviceId: service.id,
      orderId: service.orderId,
      productId,
      plan,
      previous: { ...previous, price: previous.price.toString() },
    }),
  ]);
  return true;
}

/** Whether the service is still where the action left it; a later change supersedes an earlier call. */
function stillWanted(data: LifecycleEventData, service: typeof services.$inferSelect): boolean {
  switch (data.action) {
    case 'suspend':
      return service.status === 'suspended';
    case 'unsuspend':
      return service.status === 'active';
    case 'terminate':
      return service.status === 'terminated' || service.status === 'cancelled';
    case 'change_plan':
      return canChangePlan(service.status) && service.productId === data.plan?.productId && service.cycle === data.plan.cycle;
  }
}

export type LifecycleOutcome = { action: LifecycleAction; serviceId: string; called: boolean; detail: string };

/**
 * One `service/lifecycle` event's provider call (the workflow's step): the product's provisioner
 * runs the action with the event id as idempotency key, and the order's audit records what the
 * provider answered. A refusal throws ProvisioningFailed, which the workflow retries. A call a
 * later change made stale (a suspend retried after the payment lifted it) is skipped.
 */
export async function runServiceLifecycle(db: Database, actor: Actor, data: LifecycleEventData, eventId: string, now: Date): Promise<LifecycleOutcome> {
  const [service] = await db.select().from(services).where(eq(services.id, data.serviceId));
  const [product] = await db
    .select({ provisioningModule: products.provisioningModule, provisioningUrl: products.provisioningUrl })
    .from(products)
    .where(eq(products.id, data.productId));
  const base = { action: data.action, serviceId: data.serviceId };
  if (!service || !product) return { ...base, called: false, detail: 'the service or its product no longer exists' };
  if (!stillWanted(data, service)) return { ...base, called: false, detail: `superseded: the service is ${service.status} on ${service.productId} now` };
  const provisioner = provisionerFor(product);
  if (!provisioner) return { ...base, called: false, detail: 'the product provisions nothing now' };

  const subject = {
    id: service.id,
    orderId: service.orderId,
    customerId: service.customerId,
    productId: service.productId,
    name: service.name,
    cycle: service.cycle,
    price: service.price.toString(),
    currency: service.currency,
  };
  const outcome = await provisioner.run(data.action, subject, eventId, data.previous ? { previous: data.previous } : {});
  await db.transaction((tx) =>
    audit(
      tx,
      actor,
      'service.provisioner_called',
      { type: 'order', id: service.orderId },
      { after: { serviceId: service.id, action: data.action, at: now.toISOString(), detail: outcome.detail } },
    ),
  );
  return { ...base, called: outcome.done, detail: outcome.detail };
}

/**
 * The provider kept refusing (retries spent): the job stays failed with its error for an admin
 * to retry, and the order's audit says which call failed. Cashdesk's own status change stands —
 * the suspension, reactivation or termination was decided by billing or an admin, not by the
 * provider — and the service is not marked `failed`, which means "never set up".
 */
export async function failServiceLifecycle(db: Database, actor: Actor, data: LifecycleEventData, error: string, now: Date): Promise<void> {
  await db.transaction((tx) =>
    audit(
      tx,
      actor,
      'service.provisioner_failed',
      { type: 'order', id: data.orderId },
      { after: { serviceId: data.serviceId, action: data.action, at: now.toISOString(), error } },
    ),
  );
}
