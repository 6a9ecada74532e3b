import { z } from 'zod';
import { workflows } from '@/inngest/functions';
import { jobStatuses } from '@/server/jobs/job-status';
import { automationSettingsInput } from '../../schemas/automation';
import { id, listInput, optionalText } from '../../schemas/common';
import { plainDate } from '../../schemas/invoices';
import { listJobs } from '../../services/automation/jobs';
import { updateAutomationSettings } from '../../services/automation/settings';
import { automationStatus, jobByEvent, retryJob, runWorkflowNow } from '../../services/automation/workflows';
import { adminProcedure, router } from '../trpc';

export const automationRouter = router({
  status: adminProcedure.query(({ ctx }) => automationStatus(ctx.service, { workflows })),
  updateSettings: adminProcedure.input(automationSettingsInput).mutation(({ ctx, input }) => updateAutomationSettings(ctx.service, input)),
  run: adminProcedure
    .input(z.object({ workflow: z.enum(['billing-run', 'dunning']), date: plainDate.optional() }))
    .mutation(({ ctx, input }) => runWorkflowNow(ctx.service, input)),
  job: adminProcedure.input(z.object({ eventId: z.string().max(200) })).query(({ ctx, input }) => jobByEvent(ctx.service, input)),
  jobs: adminProcedure
    .input(listInput.extend({ status: z.enum(jobStatuses).optional(), function: optionalText(100) }))
    .query(({ ctx, input }) => listJobs(ctx.service, input)),
  retry: adminProcedure.input(z.object({ id })).mutation(({ ctx, input }) => retryJob(ctx.service, input)),
});
