import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Database } from '@/db';
import { emitEvents } from '@/server/jobs/runtime';
import { defineWorkflow, type WorkflowContext } from '@/server/jobs/workflow';
import type { CronEvent, WorkflowEvent } from './events';

// The guarantee is the compiler's: `tsc --noEmit -p .` checks this file, and each expected
// error below fails that check the day its line compiles.

describe('the event map', () => {
  it('refuses an event it does not know, or data that is not the event’s, when emitting', () => {
    const emits = (tx: Database) => [
      emitEvents(tx, [{ name: 'order/paid', id: 'order-paid:1', data: { orderId: '1' } }]),
      // @ts-expect-error misspelt name
      emitEvents(tx, [{ name: 'order/payed', id: 'order-paid:1', data: { orderId: '1' } }]),
      // @ts-expect-error wrong field
      emitEvents(tx, [{ name: 'order/paid', id: 'order-paid:1', data: { order: '1' } }]),
      // @ts-expect-error wrong type
      emitEvents(tx, [{ name: 'order/paid', id: 'order-paid:1', data: { orderId: 1 } }]),
      // @ts-expect-error missing field
      emitEvents(tx, [{ name: 'refund/issued', id: 'refund-issued:1', data: { invoiceId: '1' } }]),
      // @ts-expect-error cron firings are the scheduler's to emit
      emitEvents(tx, [{ name: 'cron/billing-run', id: 'cron:1', data: { scheduledFor: '2026-01-01T00:05:00.000Z', timeZone: 'UTC' } }]),
    ];
    expect(emits).toBeTypeOf('function');
  });

  it('types a handler’s event from its triggers, and refuses a trigger it does not know', () => {
    const workflow = defineWorkflow({
      id: 'typed',
      triggers: [{ event: 'payment/received' }, { cron: '0 * * * *' }],
      retries: 0,
      subject: (event) => ({ type: 'invoice', id: 'invoiceId' in event.data ? event.data.invoiceId : event.data.scheduledFor }),
      // @ts-expect-error a payment names its payment, not its refund
      handler: async ({ event }) => event.name === 'payment/received' && event.data.refundId,
    });
    expectTypeOf<WorkflowContext<Parameters<typeof workflow.handler>[0]['event']>['event']>().toEqualTypeOf<WorkflowEvent<'payment/received'> | CronEvent>();
    expect(workflow.subject({ name: 'payment/received', id: 'payment-received:1', data: { invoiceId: 'inv', paymentId: 'pay' } })).toEqual({
      type: 'invoice',
      id: 'inv',
    });

    defineWorkflow({
      id: 'misspelt',
      // @ts-expect-error misspelt trigger
      triggers: [{ event: 'invoice/creatd' }],
      retries: 0,
      subject: () => ({ type: 'invoice', id: '1' }),
      handler: async () => null,
    });
  });
});
