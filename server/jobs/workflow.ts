import type { Database } from '@/db';
import { inngest } from '@/inngest/client';
import type { CronEvent, EventName, WorkflowEvent } from '@/inngest/events';

/** What a run can be started with: an event of the map (inngest/events.ts) or a cron firing. */
export type RunEvent = WorkflowEvent | CronEvent;

/** What a handler gets to do its work in steps; the same shape under Inngest and embedded. */
export type Step = {
  /** Runs `fn` once per run: a retried or resumed run gets the recorded result back. */
  run<T>(name: string, fn: () => Promise<T>): Promise<T>;
};

export type Trigger = { event: EventName } | { cron: string };

/** The event a trigger starts a run with. */
type TriggeredBy<T extends Trigger> = T extends { event: infer N extends EventName } ? WorkflowEvent<N> : CronEvent;

export type WorkflowContext<E extends RunEvent = RunEvent> = { event: E; step: Step; db: Database; now: Date };

/**
 * A durable function written once: `handler` runs under Inngest (served at /api/inngest) or in
 * the embedded runner, with the same steps. `subject` names the record a run is about, for the
 * jobs list ("automator jobs"). The callbacks are methods so that a workflow of some events is
 * also a `Workflow` of any, as the runtime lists them: it hands each one only the events its
 * triggers name.
 */
export type Workflow<E extends RunEvent = RunEvent> = {
  id: string;
  triggers: readonly Trigger[];
  retries: number;
  subject(event: E): { type: string; id: string };
  handler(context: WorkflowContext<E>): Promise<unknown>;
  /** Called once the retries are spent, with the last error (Inngest's onFailure). */
  onFailure?(context: Omit<WorkflowContext<E>, 'step'> & { error: string }): Promise<void>;
};

/** Types the handler's event from the triggers: each event trigger's data from the map, a cron's firing. */
export function defineWorkflow<const T extends readonly Trigger[]>(
  workflow: Omit<Workflow<TriggeredBy<T[number]>>, 'triggers'> & { triggers: T },
): Workflow<TriggeredBy<T[number]>> {
  return workflow;
}

/**
 * An event coming back from the outbox or from Inngest. Only `emitEvents` and the scheduler
 * write the outbox, both typed, and Inngest delivers what the dispatcher sent from it, so the
 * name says what the data holds: this is the one place that is taken on trust.
 */
export const receivedEvent = (name: string, data: unknown, id: string) => ({ name, data, id }) as RunEvent;

/** Inngest reads a cron in a zone when it is prefixed "TZ=<zone> "; without one, in UTC. */
export const inngestCron = (cron: string, timeZone: string) => (timeZone === 'UTC' ? cron : `TZ=${timeZone} ${cron}`);

/**
 * What a handler sees of an Inngest event. A cron firing (`inngest/scheduled.timer`) gets what
 * the embedded scheduler puts on its events: when it fired and in which zone (from the
 * "TZ=" prefix it was registered with, else the zone this app registers now), so a run bills
 * the same date under both runtimes.
 */
export function fromInngestEvent(event: { name: string; data?: Record<string, unknown>; id?: string; ts?: number }, timeZone = 'UTC'): RunEvent {
  const data = event.data ?? {};
  if (event.name !== 'inngest/scheduled.timer') return receivedEvent(event.name, data, event.id ?? '');
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
            onFailure: async ({ event, error }: { event: { data: { event: { name: string; data?: Record<string, unknown>; id?: string } } }; error: Error }) =>
              onFailure({
                event: fromInngestEvent(event.data.event, timeZone),
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
