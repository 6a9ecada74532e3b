import type { Database, DatabaseHandle } from '@/db';
import { dispatchPending, failInterrupted, notifiedEventIds, resumeStalled, schedulerTick, workflowEventsChannel, type Runtime } from './runtime';
import { serialPasses } from './serial-passes';

const DISPATCH_EVERY_MS = 2_000;
const TICK_EVERY_MS = 30_000;

type Loop = { stop: () => void; kick: () => void };
const holder = globalThis as typeof globalThis & { __cashdeskWorkflows?: Loop };

/**
 * The in-process side of workflows, started once per server process: drains the event outbox as
 * soon as a transaction that emitted events commits (`listen`: PostgreSQL's NOTIFY), on `kick`,
 * and every few seconds in case a notification was missed, and in embedded mode ticks the cron
 * scheduler. One pass at a time; a wake-up during a pass runs another after it; a failing pass
 * is logged and the next one tries again.
 */
export function startWorkflowLoop(db: Database, runtime: Runtime, options: { scheduler: boolean; listen?: DatabaseHandle['listen'] }): Loop {
  if (holder.__cashdeskWorkflows) return holder.__cashdeskWorkflows;
  const pass = serialPasses('workflow pass', async (withTick) => {
    if (withTick) await schedulerTick(db, runtime, new Date());
    while ((await dispatchPending(db, runtime)) > 0);
  });
  // Events a commit names run at once, even while a pass works through a backlog (an order's
  // activation must not wait behind a batch of e-mails); the claim keeps each to one run.
  const dispatchNamed = (ids: string[]) =>
    dispatchPending(db, runtime, ids.length, ids).catch((error: unknown) => console.error('[cashdesk] dispatching notified workflow events failed:', error));
  const unlisten = options
    .listen?.(workflowEventsChannel, (payload) => {
      const ids = notifiedEventIds(payload);
      if (ids.length > 0) void dispatchNamed(ids);
      else void pass(false);
    })
    .catch((error: unknown) => {
      console.error('[cashdesk] listening for workflow events failed; they are dispatched every few seconds instead:', error);
      return undefined;
    });
  const scheduled = options.scheduler && runtime.mode === 'embedded';
  const dispatch = setInterval(() => void pass(false), DISPATCH_EVERY_MS);
  const tick = scheduled ? setInterval(() => void pass(true), TICK_EVERY_MS) : undefined;
  dispatch.unref();
  tick?.unref();
  const startedAt = new Date();
  void failInterrupted(db, startedAt)
    .then(() => resumeStalled(db, runtime, startedAt))
    .catch((error: unknown) => console.error('[cashdesk] resuming unfinished workflow runs failed:', error))
    .then(() => pass(scheduled));
  holder.__cashdeskWorkflows = {
    stop: () => {
      clearInterval(dispatch);
      if (tick) clearInterval(tick);
      // A connection already closed (the server going down) has nothing left to unlisten.
      void unlisten?.then((stop) => stop?.()).catch(() => undefined);
      holder.__cashdeskWorkflows = undefined;
    },
    kick: () => void pass(false),
  };
  return holder.__cashdeskWorkflows;
}

/** Dispatches what was just emitted without waiting for the next pass (no-op before start). */
export const kickWorkflows = () => holder.__cashdeskWorkflows?.kick();
