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

/** The Inngest function for a workflow: the same handler, with Inngest's step and our database. */
export function toInngestFunction(workflow: Workflow, database: () => Promise<Database>) {
  const { onFailure } = workflow;
  return inngest.createFunction(
    {
      id: workflow.id,
      triggers: workflow.triggers,
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
      event: { name: event.name, data: (event.data ?? {}) as Record<string, unknown>, id: event.id ?? '' },
      step: { run: (name, fn) => step.run(name, fn) as never },
      db: await database(),
      now: new Date(),
    }),
  );
}
