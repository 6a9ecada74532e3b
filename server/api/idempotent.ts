import superjson from 'superjson';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { onceForKey, requestHash } from '../rest/idempotency';
import type { ServiceContext } from '../services/context';

/**
 * Every console money action (payments, refunds, credit notes, credit) carries a key its dialog
 * made when it opened, so a double click or a retried request records the money once.
 */
export const withIdempotencyKey = z.object({
  idempotencyKey: z.string({ error: 'is required' }).min(16, 'must be at least 16 characters').max(100, 'must be at most 100 characters'),
});

/**
 * Runs `act` once per (person, key) as the REST Idempotency-Key does (server/rest/idempotency.ts):
 * the key row and the work share one transaction, a duplicate replays the first answer, the same
 * key with other input is refused, and a failed attempt leaves the key free for a corrected retry.
 */
export async function once<T>(
  ctx: { service: ServiceContext; actor: Actor },
  procedure: string,
  input: { idempotencyKey: string },
  act: (service: ServiceContext) => Promise<T>,
): Promise<T> {
  const { idempotencyKey, ...body } = input;
  const outcome = await onceForKey(
    ctx.service.db,
    {
      principal: `${ctx.actor.type}:${ctx.actor.id}`,
      key: idempotencyKey,
      hash: requestHash('TRPC', procedure, superjson.serialize(body).json),
      now: ctx.service.now,
    },
    async (tx) => ({ status: 200, body: superjson.serialize(await act({ ...ctx.service, db: tx })) }),
  );
  return superjson.deserialize(outcome.body as Parameters<typeof superjson.deserialize>[0]);
}
