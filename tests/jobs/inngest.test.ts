import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invoiceNotifications } from '@/db/schema';
import { billingRun } from '@/inngest/functions/billing';
import { notifyCustomer } from '@/inngest/functions/notify';
import { toInngestFunction } from '@/server/jobs/workflow';
import { withTestDatabase } from '../support/database';
import { givenInvoice } from '../support/fixtures';

const { db } = withTestDatabase();
const asInngest = (workflow: Parameters<typeof toInngestFunction>[0]) => toInngestFunction(workflow, async () => db());

// The same handlers, run by the Inngest SDK's own executor: what /api/inngest would run.
describe('workflows under Inngest', () => {
  it('runs the billing run for the requested date as one step', async () => {
    const engine = new InngestTestEngine({ function: asInngest(billingRun), events: [{ name: 'billing/run.requested', data: { date: '2026-02-05' } }] });
    const { result } = await engine.execute();
    expect(result).toMatchObject({ date: '2026-02-05', invoicesCreated: 0 });
  });

  it('replays a finished step from Inngest’s state instead of running it again', async () => {
    const engine = new InngestTestEngine({
      function: asInngest(billingRun),
      events: [{ name: 'billing/run.requested', data: { date: '2026-02-05' } }],
      steps: [{ id: 'bill renewals', handler: () => ({ date: '2026-02-05', invoicesCreated: 7 }) }],
    });
    const { result } = await engine.execute();
    expect(result).toEqual({ date: '2026-02-05', invoicesCreated: 7 });
  });

  it('sends the invoice e-mail for invoice/created, keyed by the event id', async () => {
    const invoice = await givenInvoice(db());
    const engine = new InngestTestEngine({
      function: asInngest(notifyCustomer),
      events: [{ name: 'invoice/created', id: 'invoice-created:test', data: { invoiceId: invoice.id } }],
    });
    const { result } = await engine.execute();
    expect(result).toMatchObject({ channel: 'email', status: 'sent' });
    const [entry] = await db().select({ key: invoiceNotifications.dedupeKey }).from(invoiceNotifications).where(eq(invoiceNotifications.invoiceId, invoice.id));
    expect(entry!.key).toBe('invoice_created:invoice-created:test');
  });
});
