import { requirePermission } from '@/server/auth/actor';
import { documentQuery, invoicePdf, pdfResponse } from '@/server/documents/invoice-pdf';
import { AppError } from '@/server/errors';
import { sessionRoute } from '@/server/http/session-route';
import { isUuid } from '@/server/schemas/common';

/** The console's "Download PDF": the signed-in user's session, scope and `invoices.view`. */
export const GET = sessionRoute(documentQuery, async (ctx, query, { origin, params }) => {
  requirePermission(ctx.actor, 'invoices.view');
  if (!params.id || !isUuid(params.id)) throw new AppError('not_found', 'Invoice not found');
  return pdfResponse(await invoicePdf(ctx, { id: params.id, paper: query.paper, locale: query.locale, origin }));
});
