import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';
import { rowsOf } from '@/db/sql';
import { unseal } from '@/server/auth/secret-box';
import { excerpt, outboundRequest, type OutboundRequest, type OutboundResponse } from '@/server/http/outbound';
import { emitEvents } from '@/server/jobs/runtime';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { privateWebhooksAllowed } from '@/server/webhooks/endpoint-url';
import { attemptTimeoutMs, nextAttemptAt, shouldDisable } from '@/server/webhooks/schedule';
import { signedHeaders } from '@/server/webhooks/signing';

/** The subject of an event as the REST API returns it (an adapter's serializer), or undefined when it is gone. */
export type Describe = (subject: { type: string; id: string }) => Promise<unknown>;

export type Send = (url: string, request: OutboundRequest) => Promise<OutboundResponse>;

export type DeliverOptions = {
  describe: Describe;
  /** How many deliveries one pass claims. */
  limit?: number;
  /** How many requests are in flight at once. */
  concurrency?: number;
  /** How long a claim holds a delivery; 60 s unless a test shortens it. */
  claimMs?: number;
  send?: Send;
};

export const secretPurpose = 'webhook-secret';

// An attempt is claimed for longer than it can take; a process that dies mid-request leaves the
// delivery due again when the claim lapses, and the same webhook-id goes out once more.
const defaultClaimMs = attemptTimeoutMs + 50_000;
const responseExcerptChars = 4_000;

type Claimed = {
  id: string;
  endpointId: string;
  eventId: bigint;
  attempts: number;
  url: string;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretExpiresAt: Date | null;
  type: string;
  subjectType: string;
  subjectId: string;
  occurredAt: Date;
  data: unknown;
};

/**
 * One pass of webhooks out: claims the deliveries that are due — for each endpoint and subject
 * only the oldest one pending, so events of one subject arrive in order, a retry holding back
 * what came after it — sends them (Standard Webhooks signing, 10 s to answer with a 2xx) and
 * records each outcome. Returns how many it sent; call again while it returns `limit`.
 */
export async function deliverDueWebhooks(ctx: ServiceContext, options: DeliverOptions): Promise<number> {
  const limit = options.limit ?? 50;
  const claimed = await claimDue(ctx, limit, options.claimMs ?? defaultClaimMs);
  if (claimed.length === 0) return 0;
  await describeEvents(ctx, claimed, options.describe);
  const send = options.send ?? ((url, request) => outboundRequest(url, request, privateWebhooksAllowed()));
  const queue = [...claimed];
  const worker = async () => {
    for (let delivery = queue.shift(); delivery; delivery = queue.shift()) await attempt(ctx, delivery, send);
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, claimed.length) }, worker));
  return claimed.length;
}

async function claimDue(ctx: ServiceContext, limit: number, claimMs: number): Promise<Claimed[]> {
  const now = ctx.now.toISOString();
  const rows = rowsOf(
    await ctx.db.execute(sql`
      with due as (
        select d.id from webhook_deliveries d
        join webhook_endpoints e on e.id = d.endpoint_id and e.active
        where d.status = 'pending' and d.next_attempt_at <= ${now}::timestamptz
          and not exists (select 1 from webhook_deliveries p
                          where p.endpoint_id = d.endpoint_id and p.subject_key = d.subject_key
                            and p.status = 'pending' and p.event_id < d.event_id)
        order by d.next_attempt_at, d.event_id
        limit ${limit}
        for update of d skip locked
      )
      update webhook_deliveries d set next_attempt_at = ${now}::timestamptz + ${`${claimMs} milliseconds`}::interval
      from due, webhook_endpoints e, webhook_events v
      where d.id = due.id and e.id = d.endpoint_id and v.id = d.event_id
      returning d.id, d.endpoint_id, d.event_id, d.attempts, e.url, e.secret_sealed, e.previous_secret_sealed,
                e.previous_secret_expires_at, v.type, v.subject_type, v.subject_id, v.occurred_at, v.data`),
  );
  return rows.map((row) => ({
    id: String(row.id),
    endpointId: String(row.endpoint_id),
    eventId: BigInt(row.event_id as string),
    attempts: Number(row.attempts),
    url: String(row.url),
    secretSealed: String(row.secret_sealed),
    previousSecretSealed: row.previous_secret_sealed === null ? null : String(row.previous_secret_sealed),
    previousSecretExpiresAt: row.previous_secret_expires_at === null ? null : new Date(row.previous_secret_expires_at as string),
    type: String(row.type),
    subjectType: String(row.subject_type),
    subjectId: String(row.subject_id),
    occurredAt: new Date(row.occurred_at as string),
    data: row.data,
  }));
}

/**
 * An event's `data` is taken once, before its first attempt to any endpoint, and kept: every
 * endpoint and every retry gets the same body. Two passes racing keep the first one written.
 */
async function describeEvents(ctx: ServiceContext, claimed: Claimed[], describe: Describe): Promise<void> {
  const missing = new Map(claimed.filter((d) => d.data === null).map((d) => [d.eventId, d]));
  for (const [eventId, delivery] of missing) {
    const data = (await describe({ type: delivery.subjectType, id: delivery.subjectId })) ?? { id: delivery.subjectId };
    await ctx.db
      .update(webhookEvents)
      .set({ data })
      .where(and(eq(webhookEvents.id, eventId), isNull(webhookEvents.data)));
  }
  if (missing.size === 0) return;
  const described = await ctx.db
    .select({ id: webhookEvents.id, data: webhookEvents.data })
    .from(webhookEvents)
    .where(inArray(webhookEvents.id, [...missing.keys()]));
  const byId = new Map(described.map((e) => [e.id, e.data]));
  for (const delivery of claimed) delivery.data ??= byId.get(delivery.eventId);
}

const secretsOf = (delivery: Claimed, now: Date) => [
  unseal(delivery.secretSealed, secretPurpose),
  ...(delivery.previousSecretSealed && delivery.previousSecretExpiresAt && delivery.previousSecretExpiresAt > now
    ? [unseal(delivery.previousSecretSealed, secretPurpose)]
    : []),
];

/** The JSON body of a delivery: what the Standard Webhooks specification calls the payload. */
const deliveryBody = (event: { type: string; occurredAt: Date; data: unknown }) =>
  JSON.stringify({ type: event.type, timestamp: event.occurredAt.toISOString(), data: event.data });

async function attempt(ctx: ServiceContext, delivery: Claimed, send: Send): Promise<void> {
  const body = deliveryBody(delivery);
  const startedAt = performance.now();
  let answer: OutboundResponse | undefined;
  let error: string | undefined;
  try {
    answer = await send(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Cashdesk-Webhooks/1',
        ...signedHeaders(secretsOf(delivery, ctx.now), delivery.id, ctx.now, body),
      },
      body,
      signal: AbortSignal.timeout(attemptTimeoutMs),
    });
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  const outcome = {
    attempts: delivery.attempts + 1,
    lastStatusCode: answer?.status ?? null,
    lastError: answer && !answer.ok ? `HTTP ${answer.status} ${answer.statusText}`.trim() : (error ?? null),
    lastDurationMs: Math.round(performance.now() - startedAt),
    lastResponse: answer ? answer.text.slice(0, responseExcerptChars) : null,
    lastAttemptAt: ctx.now,
  };
  const pending = and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, 'pending'));
  if (answer?.ok) {
    await ctx.db
      .update(webhookDeliveries)
      .set({ ...outcome, status: 'succeeded', nextAttemptAt: null })
      .where(pending);
    // Written only when it changes: every success writing the endpoint's row would queue the
    // workers of all its deliveries behind one row lock.
    await ctx.db
      .update(webhookEndpoints)
      .set({ failingSince: null })
      .where(and(eq(webhookEndpoints.id, delivery.endpointId), isNotNull(webhookEndpoints.failingSince)));
    return;
  }
  const next = nextAttemptAt(outcome.attempts, ctx.now);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({ ...outcome, lastError: excerpt(outcome.lastError ?? 'no answer'), status: next ? 'pending' : 'failed', nextAttemptAt: next })
      .where(pending);
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${ctx.now.toISOString()}::timestamptz)` })
      .where(eq(webhookEndpoints.id, delivery.endpointId))
      .returning({ failingSince: webhookEndpoints.failingSince, active: webhookEndpoints.active });
    if (endpoint?.active && endpoint.failingSince && shouldDisable(endpoint.failingSince, ctx.now)) {
      await tx.update(webhookEndpoints).set({ active: false, disabledAt: ctx.now, updatedAt: ctx.now }).where(eq(webhookEndpoints.id, delivery.endpointId));
      // The row lock taken above makes this the one transaction that disables the endpoint, so
      // the admins' e-mail is queued once however many passes race or run again.
      const disabledAt = ctx.now.toISOString();
      await emitEvents(tx, [
        {
          name: 'webhook-endpoint/disabled',
          id: `webhook-endpoint-disabled:${delivery.endpointId}:${disabledAt}`,
          data: { endpointId: delivery.endpointId, disabledAt },
        },
      ]);
      await audit(
        tx,
        ctx.actor,
        'webhook_endpoint.disabled',
        { type: 'webhook_endpoint', id: delivery.endpointId },
        { before: { active: true }, after: { active: false, failingSince: endpoint.failingSince, reason: 'every attempt failed for 3 days' } },
      );
    }
  });
}
