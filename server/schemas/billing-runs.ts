import { z } from 'zod';
import { plainDate } from './invoices';

export const billingRunInput = z.strictObject({ date: plainDate.optional() });

export const billingRunOutput = z.object({
  date: z.string(),
  invoices_created: z.number().int(),
  services_billed: z.number().int(),
  invoices_marked_overdue: z.number().int(),
  reminders_sent: z.number().int(),
  services_suspended: z.number().int(),
});
