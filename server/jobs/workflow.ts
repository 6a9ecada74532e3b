import { inngest } from '@/inngest/client';
import type { Database } from '@/db';

export type WorkflowEvent = { name: string; data: Record<string, unknown>; id: string };

/** What a handler gets to do its work in steps; the same shape under Inngest and embedded. */
export type Step = {
  /** Runs `fn` once per run: a retried or resumed run gets the recorded result back. */
  run<T>(name: string, fn: () => Promise<T>): Promise<T>;
};

export type Trigger = { event: string } | { cron: string };

export type WorkflowContext = { event: WorkflowEvent; step: Step; db: Database; now: Date };

/**
 * A durable function written once: `handler` runs under Inngest (served at /api/inngest) or in
 * the embedded runner, with the same steps. `subject` names the record a run is about, for the
 * jobs list ("automator jobs").
 */
export type Workflow = {
  id: string;
  triggers: Trigger[];
  retries: number;
  subject: (event: WorkflowEvent) => { type: string; id: string };
  handler: (context: WorkflowContext) => Promise<unknown>;
  /** Called once the retries are spent, with the last error (Inngest's onFailure). */
  onFailure?: (context: Omit<WorkflowContext, 'step'> & { error: string }) => Promise<void>;
};

export function defineWorkflow(workflow: Workflow) {
  return workflow;
}

/** Inngest reads a cron in a zone when it is prefixed "TZ=<zone> "; without one, in UTC. */
export const inngestCron = (cron: string, timeZone: string) => (timeZone === 'UTC' ? cron : `TZ=${timeZone} ${cron}`);

/**
 * What a handler sees of an Inngest event. A cron firing (`inngest/scheduled.timer`) gets what
 * the embedded scheduler puts on its events: when it fired and in which zone (from the
 * "TZ=" prefix it was registered with, else the zone this app registers now), so a run bills
 * the same date under both runtimes.
 */
export function fromInngestEvent(event: { name: string; data?: unknown; id?: string; ts?: number }, timeZone = 'UTC'): WorkflowEvent {
  const data = (event.data ?? {}) as Record<string, unknown>;
  if (event.name !== 'inngest/scheduled.timer') return { name: event.name, data, id: event.id ?? '' };
  // A cron registered without a prefix fired in UTC, whatever the setting says now.
  const zone = typeof data.cron === 'string' ? (/^(?:CRON_)?TZ=(\S+)\s/.exec(data.cron)?.[1] ?? 'UTC') : timeZone;
  return {
    name: event.name,
    data: { ...data, scheduledFor: new Date(event.ts ?? Date.now()).toISOString(), timeZone: zone },
    id: event.id ?? '',
  };
}

/**
 * The Inngest function for a workflow: the same handler, with Inngest's step and our database.
 * Its crons are registered in `timeZone`; Inngest learns of a change only when the app syncs.
 */
export function toInngestFunction(workflow: Workflow, database: () => Promise<Database>, timeZone = 'UTC') {
  const { onFailure } = workflow;
  return inngest.createFunction(
    {
      id: workflow.id,
      triggers: workflow.triggers.map((t) => ('cron' in t ? { cron: inngestCron(t.cron, timeZone) } : t)),
      retries: workflow.retries as 0,
      ...(onFailure
        ? {
            // Inngest hands onFailure the original event inside its own failure event.
            onFailure: async ({ event, error }: { event: { data: { event: { name: string; data?: unknown; id?: string } } }; error: Error }) =>
              onFailure({
                event: { name: event.data.event.name, data: (event.data.event.data ?? {}) as Record<string, unknown>, id: event.data.event.id ?? '' },
                db: await database(),
                now: new Date(),
                error: error.message,
              }),
          }
        : {}),
    },
    async ({ event, step }) =>
    workflow.handler({
      event: fromInngestEvent(event, timeZone),
      step: { run: (name, fn) => step.run(name, fn) as never },
      db: await database(),
      now: new Date(),
    }),
  );
}
