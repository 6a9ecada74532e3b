import { createSessionContext } from '@/server/api/context';
import { AppError, fieldErrors } from '@/server/errors';
import { csvResponse } from '@/server/rest/csv';
import { toErrorResponse } from '@/server/rest/http-errors';
import { listInvoicesInput } from '@/server/schemas/invoices';
import { exportInvoices } from '@/server/services/export-invoices';

/** The console's "Export CSV": the same filters as the list, in the signed-in user's scope. */
export async function GET(request: Request) {
  try {
    const { db, actor } = await createSessionContext(request.headers);
    if (!actor) throw new AppError('unauthorized', 'Sign in first');
    const query = listInvoicesInput.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new AppError('validation', 'Invalid filters', fieldErrors(query.error.issues));
    return csvResponse(await exportInvoices({ db, actor, now: new Date() }, query.data), 'invoices.csv');
  } catch (error) {
    return toErrorResponse(error);
  }
}
