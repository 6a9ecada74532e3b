import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { gatewayEvents } from '@/db/schema';
import { systemActor, type Actor } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import type { ServiceContext } from '@/server/services/context';

export type WebhookAnswer = { status: 200 | 400 | 500; body: { received: boolean; duplicate?: boolean; outcome?: string; error?: string } };

export const badSignature: WebhookAnswer = { status: 400, body: { received: false, error: 'The signature does not verify' } };

/**
 * Stores a verified event once per (provider, event id) and handles it exactly once: the
 * handler runs in the transaction that marks the event processed, under the event row's lock,
 * so concurrent and repeated deliveries wait and then find it done. The row is committed before
 * handling, so an event whose handling fails is kept and handled again on the next delivery.
 */
export async function receiveEvent(
  db: Database,
  event: { provider: 'stripe' | 'paypal'; id: string; type: string; payload: unknown; now: Date },
  handle: (ctx: ServiceContext) => Promise<string>,
): Promise<WebhookAnswer> {
  const inserted = await db
    .insert(gatewayEvents)
    .values({ provider: event.provider, eventId: event.id, type: event.type, payload: event.payload, receivedAt: event.now })
    .onConflictDoNothing()
    .returning({ id: gatewayEvents.id });
  const actor: Actor = systemActor(event.provider);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ id: gatewayEvents.id, processedAt: gatewayEvents.processedAt, outcome: gatewayEvents.outcome })
        .from(gatewayEvents)
        .where(and(eq(gatewayEvents.provider, event.provider), eq(gatewayEvents.eventId, event.id)))
        .for('update');
      if (row!.processedAt) return { status: 200, body: { received: true, duplicate: true, outcome: row!.outcome ?? '' } } as const;
      const outcome = await handle({ db: tx, actor, now: event.now }).catch((error: unknown) => {
        // An event about a record Cashdesk does not have is answered and kept, never retried forever.
        if (error instanceof AppError && error.code === 'not_found') return `ignored: ${error.message}`;
        throw error;
      });
      await tx.update(gatewayEvents).set({ processedAt: event.now, outcome }).where(eq(gatewayEvents.id, row!.id));
      return { status: 200, body: { received: true, duplicate: inserted.length === 0, outcome } } as const;
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(gatewayEvents)
      .set({ outcome: `failed: ${message}`.slice(0, 500) })
      .where(and(eq(gatewayEvents.provider, event.provider), eq(gatewayEvents.eventId, event.id)));
    // A 5xx makes the gateway deliver the event again later.
    return { status: 500, body: { received: false, error: 'The event could not be handled; it will be retried' } };
  }
}
