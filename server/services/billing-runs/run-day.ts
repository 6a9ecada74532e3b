import { requirePermission } from '@/server/auth/actor';
import { asJob } from '@/server/jobs/record';
import type { ServiceContext } from '@/server/services/context';
import { checkBillingDate, scheduleToday } from './dates';
import { runBilling } from './run-billing';
import { runDunning } from './run-dunning';

export type BillingDayResult = {
  date: string;
  invoicesCreated: number;
  servicesBilled: number;
  invoicesMarkedOverdue: number;
  remindersSent: number;
  servicesSuspended: number;
};

/**
 * A day's work on demand, as the daily schedule does it: renewals for the date, then dunning
 * (overdue marking, reminders, suspensions), each recorded as its job. The console and the API
 * both run it. Billing may look ahead by the renewal window; dunning never runs ahead of today,
 * so a run for a coming day duns today.
 */
export async function runBillingDay(ctx: ServiceContext, input: { date?: string | undefined; origin: string }): Promise<BillingDayResult> {
  requirePermission(ctx.actor, 'billing.run');
  // Checked before either run starts, so a refused request records no job. Dunning's date is
  // today at the latest, which its own check always accepts.
  const date = await checkBillingDate(ctx.db, ctx.now, input.date);
  const today = await scheduleToday(ctx.db, ctx.now);
  const dunningDate = date < today ? date : today;
  const clock = () => new Date();
  const billing = await asJob(ctx.db, { function: 'billing-run', subjectType: 'billing_run', subjectId: date }, clock, () => runBilling(ctx, { date }));
  const dunning = await asJob(ctx.db, { function: 'dunning', subjectType: 'dunning_run', subjectId: dunningDate }, clock, () =>
    runDunning(ctx, { date: dunningDate, origin: input.origin }),
  );
  return {
    date,
    invoicesCreated: billing.invoicesCreated,
    servicesBilled: billing.servicesBilled,
    invoicesMarkedOverdue: billing.invoicesMarkedOverdue + dunning.invoicesMarkedOverdue,
    remindersSent: dunning.remindersSent,
    servicesSuspended: dunning.servicesSuspended,
  };
}
