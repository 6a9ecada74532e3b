import { and, desc, eq, sql } from 'drizzle-orm';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { seal } from '@/server/auth/secret-box';
import { AppError, notFound } from '@/server/errors';
import type { DomainInput } from '@/server/schemas/common';
import type { createWebhookEndpointInput, listWebhookDeliveriesInput, updateWebhookEndpointInput } from '@/server/schemas/webhooks';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { afterCursor, decodeCursor, toPage } from '@/server/services/pagination';
import { endpointUrlProblem } from '@/server/webhooks/endpoint-url';
import { subjectKey, testEventType } from '@/server/webhooks/events';
import { secretOverlapMs } from '@/server/webhooks/schedule';
import { newSecret } from '@/server/webhooks/signing';
import { secretPurpose } from './deliver';
import { wakeWebhookDeliveries } from './publish';

export type WebhookEndpoint = Omit<typeof webhookEndpoints.$inferSelect, 'secretSealed' | 'previousSecretSealed'>;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

const visible = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  events: webhookEndpoints.events,
  description: webhookEndpoints.description,
  active: webhookEndpoints.active,
  failingSince: webhookEndpoints.failingSince,
  disabledAt: webhookEndpoints.disabledAt,
  previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
  createdAt: webhookEndpoints.createdAt,
  updatedAt: webhookEndpoints.updatedAt,
};

async function checkUrl(url: string): Promise<void> {
  const problem = await endpointUrlProblem(url);
  if (problem) throw new AppError('validation', 'The endpoint URL is refused', { url: problem });
}

/** Registers a receiver; its signing secret is in this answer and nowhere else, ever. */
export async function createWebhookEndpoint(
  ctx: ServiceContext,
  input: DomainInput<typeof createWebhookEndpointInput>,
): Promise<WebhookEndpoint & { secret: string }> {
  requirePermission(ctx.actor, 'settings.manage');
  await checkUrl(input.url);
  const secret = newSecret();
  return ctx.db.transaction(async (tx) => {
    const [endpoint] = await tx
      .insert(webhookEndpoints)
      .values({
        url: input.url,
        events: input.events,
        description: input.description ?? null,
        secretSealed: seal(secret, secretPurpose),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning(visible);
    await audit(tx, ctx.actor, 'webhook_endpoint.created', { type: 'webhook_endpoint', id: endpoint!.id }, { after: endpoint });
    return { ...endpoint!, secret };
  });
}

export async function listWebhookEndpoints(ctx: ServiceContext): Promise<WebhookEndpoint[]> {
  requirePermission(ctx.actor, 'settings.manage');
  return ctx.db.select(visible).from(webhookEndpoints).orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
}

export async function getWebhookEndpoint(ctx: ServiceContext, id: string): Promise<WebhookEndpoint> {
  requirePermission(ctx.actor, 'settings.manage');
  const [endpoint] = await ctx.db.select(visible).from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  if (!endpoint) throw notFound('Webhook endpoint');
  return endpoint;
}

/** Changes what an endpoint receives or where; `active: true` also lifts a disabling for failures. */
export async function updateWebhookEndpoint(ctx: ServiceContext, id: string, input: DomainInput<typeof updateWebhookEndpointInput>): Promise<WebhookEndpoint> {
  requirePermission(ctx.actor, 'settings.manage');
  if (input.url !== undefined) await checkUrl(input.url);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select(visible).from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).for('update');
    if (!before) throw notFound('Webhook endpoint');
    const [after] = await tx
      .update(webhookEndpoints)
      .set({
        url: input.url,
        events: input.events,
        description: input.description,
        active: input.active,
        ...(input.active === true && !before.active ? { failingSince: null, disabledAt: null } : {}),
        updatedAt: ctx.now,
      })
      .where(eq(webhookEndpoints.id, id))
      .returning(visible);
    await audit(tx, ctx.actor, 'webhook_endpoint.updated', { type: 'webhook_endpoint', id }, { before, after });
    return after!;
  });
}

/** Removes an endpoint and what was still to be delivered to it. */
export async function deleteWebhookEndpoint(ctx: ServiceContext, id: string): Promise<void> {
  requirePermission(ctx.actor, 'settings.manage');
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning(visible);
    if (!before) throw notFound('Webhook endpoint');
    await audit(tx, ctx.actor, 'webhook_endpoint.deleted', { type: 'webhook_endpoint', id }, { before });
  });
}

/**
 * A new signing secret, shown once. The old one keeps signing beside it for 24 hours (two
 * signatures in the header), so the receiver can switch without refusing a delivery.
 */
export async function rotateWebhookSecret(ctx: ServiceContext, id: string): Promise<WebhookEndpoint & { secret: string }> {
  requirePermission(ctx.actor, 'settings.manage');
  const secret = newSecret();
  return ctx.db.transaction(async (tx) => {
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set({
        previousSecretSealed: sql`${webhookEndpoints.secretSealed}`,
        previousSecretExpiresAt: new Date(ctx.now.getTime() + secretOverlapMs),
        secretSealed: seal(secret, secretPurpose),
        updatedAt: ctx.now,
      })
      .where(eq(webhookEndpoints.id, id))
      .returning(visible);
    if (!endpoint) throw notFound('Webhook endpoint');
    await audit(
      tx,
      ctx.actor,
      'webhook_endpoint.secret_rotated',
      { type: 'webhook_endpoint', id },
      { after: { previousSecretExpiresAt: endpoint.previousSecretExpiresAt } },
    );
    return { ...endpoint, secret };
  });
}

export type DeliveryWithEvent = WebhookDelivery & { event: { occurredAt: Date; data: unknown } };

/** An endpoint's deliveries, newest first, each with the event it carries. */
export async function listWebhookDeliveries(
  ctx: ServiceContext,
  id: string,
  input: DomainInput<typeof listWebhookDeliveriesInput>,
): Promise<{ items: DeliveryWithEvent[]; nextCursor: string | null }> {
  await getWebhookEndpoint(ctx, id);
  const rows = await ctx.db
    .select({ delivery: webhookDeliveries, occurredAt: webhookEvents.occurredAt, data: webhookEvents.data })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(
      and(
        eq(webhookDeliveries.endpointId, id),
        input.status ? eq(webhookDeliveries.status, input.status) : undefined,
        input.cursor ? afterCursor(webhookDeliveries, decodeCursor(input.cursor)) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(input.limit + 1);
  return toPage(
    rows.map(({ delivery, occurredAt, data }) => ({ ...delivery, event: { occurredAt, data } })),
    input.limit,
  );
}

/**
 * Sends a delivery again now, with the same webhook-id: a failed one gets one more attempt (and
 * the rest of the schedule if it fails again while attempts remain), a pending one stops waiting.
 */
export async function retryWebhookDelivery(ctx: ServiceContext, endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
  requirePermission(ctx.actor, 'settings.manage');
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)))
      .for('update');
    if (!before) throw notFound('Webhook delivery');
    if (before.status === 'succeeded') throw new AppError('invalid_state', 'This delivery already succeeded');
    const [after] = await tx
      .update(webhookDeliveries)
      .set({ status: 'pending', nextAttemptAt: ctx.now })
      .where(eq(webhookDeliveries.id, deliveryId))
      .returning();
    await audit(tx, ctx.actor, 'webhook_delivery.retried', { type: 'webhook_endpoint', id: endpointId }, { before: { deliveryId, status: before.status } });
    await wakeWebhookDeliveries(tx);
    return after!;
  });
}

/** "Send test event": a `webhook.test` event to this endpoint alone, whatever it subscribed to. */
export async function sendTestWebhook(ctx: ServiceContext, endpointId: string): Promise<WebhookDelivery> {
  await getWebhookEndpoint(ctx, endpointId);
  return ctx.db.transaction(async (tx) => {
    const subject = { type: 'webhook_endpoint', id: endpointId };
    const [event] = await tx
      .insert(webhookEvents)
      .values({
        type: testEventType,
        subjectType: subject.type,
        subjectId: subject.id,
        data: { endpoint_id: endpointId, message: 'A test event from Cashdesk: this endpoint receives and verifies webhooks.' },
        occurredAt: ctx.now,
      })
      .returning({ id: webhookEvents.id });
    const [delivery] = await tx
      .insert(webhookDeliveries)
      .values({ endpointId, eventId: event!.id, eventType: testEventType, subjectKey: subjectKey(subject), nextAttemptAt: ctx.now, createdAt: ctx.now })
      .returning();
    await audit(tx, ctx.actor, 'webhook_endpoint.test_sent', { type: 'webhook_endpoint', id: endpointId }, { after: { deliveryId: delivery!.id } });
    await wakeWebhookDeliveries(tx);
    return delivery!;
  });
}
