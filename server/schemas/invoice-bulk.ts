import { z } from 'zod';
import { bulkLimit, markPaidInput, sendInvoiceInput } from './invoices';

const invoiceIds = z
  .array(z.uuid({ error: 'must be an id' }), { error: 'must be a list of invoice ids' })
  .min(1, 'choose at least one invoice')
  .max(bulkLimit, `must hold at most ${bulkLimit} invoices`);

export const bulkInvoicesInput = z.strictObject({ ids: invoiceIds });
export const bulkMarkPaidInput = bulkInvoicesInput.extend(markPaidInput.shape);
export const bulkSendInput = bulkInvoicesInput.extend(sendInvoiceInput.shape);
export const bulkReminderInput = bulkInvoicesInput.extend({ channel: sendInvoiceInput.shape.channel.default('email') });

/** What a bulk action did: each invoice either succeeded or failed, with the reason. */
export const bulkResultOutput = z.object({
  succeeded: z.array(z.object({ id: z.string(), number: z.string().nullable() })),
  failed: z.array(z.object({ id: z.string(), number: z.string().nullable(), code: z.string(), message: z.string() })),
});
