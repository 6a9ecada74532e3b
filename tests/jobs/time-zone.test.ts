import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cronTicks, invoices, jobs } from '@/db/schema';
import { workflows } from '@/inngest/functions';
import { billingRun, dunningRun } from '@/inngest/functions/billing';
import { systemActor } from '@/server/auth/actor';
import { dispatchPending, schedulerTick, type Runtime } from '@/server/jobs/runtime';
import { fromInngestEvent, inngestCron, toInngestFunction, type Workflow } from '@/server/jobs/workflow';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { readCronTimeZone, updateAutomationSettings } from '@/server/services/automation/settings';
import { automationStatus } from '@/server/services/automation/workflows';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { placeOrder } from '@/server/services/orders/place';
import { updateBillingSettings } from '@/server/services/settings/billing';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenProduct, givenUser, runOrderActivation } from '../support/fixtures';

const { db } = withTestDatabase();
const runtime: Runtime = { mode: 'embedded', workflows: [billingRun, dunningRun], backoff: () => 0 };
const at = (iso: string) => new Date(iso);

describe('the schedules in a configured time zone', () => {
  it('keeps UTC until a zone is set, and refuses a name that is no IANA zone', async () => {
    const admin = await givenUser(db(), 'admin');
    expect(await readCronTimeZone(db())).toBe('UTC');
    await expect(updateAutomationSettings(ctxOf(db(), admin.actor), { time_zone: 'Mars/Olympus' })).rejects.toMatchObject({
      code: 'validation',
      fields: { time_zone: 'must be an IANA time zone such as Europe/Berlin or UTC' },
    });
    expect(await updateAutomationSettings(ctxOf(db(), admin.actor), { time_zone: 'america/new_york' })).toEqual({ time_zone: 'America/New_York' });
    const staff = await givenUser(db(), 'staff');
    await expect(updateAutomationSettings(ctxOf(db(), staff.actor), { time_zone: 'Europe/Berlin' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('claims exactly one firing of 00:05 Europe/Berlin and bills Berlin’s date, a day ahead of UTC', async () => {
    const admin = await givenUser(db(), 'admin');
    await updateAutomationSettings(ctxOf(db(), admin.actor), { time_zone: 'Europe/Berlin' });
    // A monthly service paid through 1 December, renewed on the day (no renewal window).
    await updateBillingSettings(ctxOf(db(), systemActor()), { renewal_window_days: 0 });
    const product = await givenProduct(db(), { monthly: 1500 });
    const customer = await givenCustomer(db());
    const placed = ctxOf(db(), systemActor(), at('2026-11-01T12:00:00Z'));
    const order = await placeOrder(
      placed,
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    await markInvoicePaid(placed, { id: order.invoiceId! });
    await runOrderActivation(db(), order.id, placed.now);

    // 23:04 UTC on 30 November is 00:04 in Berlin: billing has not fired for 1 December yet.
    await schedulerTick(db(), { ...runtime, workflows: [billingRun] }, at('2026-11-29T23:30:00Z'));
    expect(await schedulerTick(db(), runtime, at('2026-11-30T23:04:00Z'))).toEqual(['dunning']);
    // Four schedulers tick at 00:06 Berlin time: one claim, one run.
    const ticks = await Promise.all([1, 2, 3, 4].map(() => schedulerTick(db(), runtime, at('2026-11-30T23:06:00Z'))));
    expect(ticks.flat()).toEqual(['billing-run']);
    await dispatchPending(db(), runtime);

    const runs = await db()
      .select()
      .from(jobs)
      .where(and(eq(jobs.function, 'billing-run'), eq(jobs.eventId, 'cron:billing-run:2026-11-30T23:05:00.000Z')));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', subjectId: '2026-12-01' });
    expect(runs[0]!.output).toMatchObject({ date: '2026-12-01', invoicesCreated: 1 });
    const renewal = await db()
      .select()
      .from(invoices)
      .where(and(eq(invoices.customerId, customer.id), eq(invoices.purpose, 'renewal')));
    expect(renewal.map((i) => i.issueDate)).toEqual(['2026-12-01']);

    // Later that Berlin day billing does not fire again (dunning's 00:15 did, once); the next
    // billing firing is 00:05 on 2 December.
    expect(await schedulerTick(db(), runtime, at('2026-12-01T22:59:00Z'))).toEqual(['dunning']);
    expect(await schedulerTick(db(), runtime, at('2026-12-01T23:00:00Z'))).toEqual([]);
    expect(await schedulerTick(db(), runtime, at('2026-12-01T23:05:00Z'))).toEqual(['billing-run']);
    const claims = await db().select().from(cronTicks).where(eq(cronTicks.function, 'billing-run'));
    expect(claims.map((c) => c.scheduledFor.toISOString()).sort()).toEqual([
      '2026-11-29T23:05:00.000Z',
      '2026-11-30T23:05:00.000Z',
      '2026-12-01T23:05:00.000Z',
    ]);

    const status = await automationStatus(ctxOf(db(), admin.actor, at('2026-12-01T23:30:00Z')), { workflows });
    expect(status).toMatchObject({ timeZone: 'Europe/Berlin', today: '2026-12-02' });
    expect(status.crons.find((c) => c.workflow === 'billing-run')!.next.toISOString()).toBe('2026-12-02T23:05:00.000Z');
  });

  it('does not run a day again when the zone moves a firing back before one already claimed', async () => {
    const admin = await givenUser(db(), 'admin');
    await updateAutomationSettings(ctxOf(db(), admin.actor), { time_zone: 'Asia/Kolkata' });
    // 00:05 in Kolkata on 10 January is 18:35 UTC on the 9th.
    expect(await schedulerTick(db(), { ...runtime, workflows: [billingRun] }, at('2027-01-09T20:00:00Z'))).toEqual(['billing-run']);
    // In New York the latest 00:05 is 05:05 UTC on the 9th: earlier than what Kolkata ran.
    await updateAutomationSettings(ctxOf(db(), admin.actor), { time_zone: 'America/New_York' });
    expect(await schedulerTick(db(), { ...runtime, workflows: [billingRun] }, at('2027-01-09T21:00:00Z'))).toEqual([]);
    expect(await schedulerTick(db(), { ...runtime, workflows: [billingRun] }, at('2027-01-10T05:05:00Z'))).toEqual(['billing-run']);
  });
});

describe('the schedules under Inngest', () => {
  it('registers the crons with a TZ= prefix and bills the date of the zone they fired in', async () => {
    expect(inngestCron('5 0 * * *', 'UTC')).toBe('5 0 * * *');
    expect(inngestCron('5 0 * * *', 'Europe/Berlin')).toBe('TZ=Europe/Berlin 5 0 * * *');
    const fn = toInngestFunction(billingRun, async () => db(), 'America/New_York');
    expect(fn['opts'].triggers).toEqual([{ cron: 'TZ=America/New_York 5 0 * * *' }, { event: 'billing/run.requested' }]);

    const fired = { name: 'inngest/scheduled.timer', id: 'tick', ts: Date.parse('2026-06-30T22:05:03Z') };
    expect(fromInngestEvent({ ...fired, data: { cron: 'TZ=Europe/Berlin 5 0 * * *' } }).data).toMatchObject({
      timeZone: 'Europe/Berlin',
      scheduledFor: '2026-06-30T22:05:03.000Z',
    });
    // Registered before the zone was set (no prefix): it fired in UTC, whatever the setting says now.
    expect(fromInngestEvent({ ...fired, data: { cron: '5 0 * * *' } }, 'Europe/Berlin').data).toMatchObject({ timeZone: 'UTC' });
    // As a runtime sees the workflow: it takes whatever event Inngest delivers.
    const billing: Workflow = billingRun;
    expect(billing.subject(fromInngestEvent({ ...fired, data: { cron: 'TZ=Europe/Berlin 5 0 * * *' } }))).toEqual({ type: 'billing_run', id: '2026-07-01' });
    expect(billing.subject(fromInngestEvent({ ...fired, data: { cron: '5 0 * * *' } }))).toEqual({ type: 'billing_run', id: '2026-06-30' });
  });
});
