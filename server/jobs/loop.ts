import type { Database } from '@/db';
import { dispatchPending, failInterrupted, resumeStalled, schedulerTick, type Runtime } from './runtime';

const DISPATCH_EVERY_MS = 2_000;
const TICK_EVERY_MS = 30_000;

type Loop = { stop: () => void; kick: () => void };
const holder = globalThis as typeof globalThis & { __cashdeskWorkflows?: Loop };

/**
 * The in-process side of workflows, started once per server process: drains the event outbox
 * every few seconds (or at once on `kick`), and in embedded mode ticks the cron scheduler. One
 * pass at a time; a failing pass is logged and the next one tries again.
 */
export function startWorkflowLoop(db: Database, runtime: Runtime, options: { scheduler: boolean }): Loop {
  if (holder.__cashdeskWorkflows) return holder.__cashdeskWorkflows;
  let busy = false;
  const pass = async (withTick: boolean) => {
    if (busy) return;
    busy = true;
    try {
      if (withTick) await schedulerTick(db, runtime, new Date());
      while ((await dispatchPending(db, runtime)) > 0);
    } catch (error) {
      console.error('[cashdesk] workflow pass failed:', error);
    } finally {
      busy = false;
    }
  };
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
    stop: () => (clearInterval(dispatch), tick && clearInterval(tick), (holder.__cashdeskWorkflows = undefined)),
    kick: () => void pass(false),
  };
  return holder.__cashdeskWorkflows;
}

/** Dispatches what was just emitted without waiting for the next pass (no-op before start). */
export const kickWorkflows = () => holder.__cashdeskWorkflows?.kick();
