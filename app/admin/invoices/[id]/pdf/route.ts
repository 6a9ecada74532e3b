import { z } from 'zod';
import { createSessionContext } from '@/server/api/context';
import { requirePermission } from '@/server/auth/actor';
import { invoicePdf, pdfResponse } from '@/server/documents/invoice-pdf';
import { paperParam } from '@/server/documents/paper';
import { AppError, fieldErrors } from '@/server/errors';
import { originOf } from '@/server/http/request';
import { toErrorResponse } from '@/server/rest/http-errors';
import { invoiceIdInput } from '@/server/schemas/invoices';

const query = z.object({ paper: paperParam.optional() });

/** The console's "Download PDF": the signed-in user's session, scope and `invoices.view`. */
export async function GET(request: Request, route: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { db, actor } = await createSessionContext(request.headers);
    if (!actor) throw new AppError('unauthorized', 'Sign in first');
    requirePermission(actor, 'invoices.view');
    const params = invoiceIdInput.safeParse(await route.params);
    if (!params.success) throw new AppError('not_found', 'Invoice not found');
    const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError('validation', 'The request is not valid; see fields', fieldErrors(parsed.error.issues));
    const pdf = await invoicePdf({ db, actor, now: new Date() }, { id: params.data.id, paper: parsed.data.paper, origin: originOf(request.headers, request.url) });
    return pdfResponse(pdf);
  } catch (error) {
    return toErrorResponse(error);
  }
}
