import { inngest } from '@/inngest/client';
import { env } from '../env';

export type WorkflowEvent = { name: string; data: Record<string, unknown>; id?: string };

/**
 * Where durable work goes after a transaction commits. With Inngest configured the events go
 * to Inngest, which calls /api/inngest; otherwise the embedded runner executes the same
 * functions in this process (docs/workflows.md explains the design the workflows issue fills in).
 */
export interface WorkflowRunner {
  readonly mode: 'inngest' | 'embedded';
  send(events: WorkflowEvent[]): Promise<void>;
}

const inngestRunner: WorkflowRunner = {
  mode: 'inngest',
  async send(events) {
    if (events.length > 0) await inngest.send(events);
  },
};

// Accepts events and runs nothing yet: no function exists that has work to do. The workflows
// issue replaces this with the in-process executor and scheduler of docs/workflows.md.
const embeddedRunner: WorkflowRunner = {
  mode: 'embedded',
  async send() {},
};

export function workflowRunner(): WorkflowRunner {
  return env().inngestMode === 'inngest' ? inngestRunner : embeddedRunner;
}
