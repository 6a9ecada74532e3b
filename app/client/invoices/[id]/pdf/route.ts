import { documentQuery, invoicePdf, pdfResponse } from '@/server/documents/invoice-pdf';
import { AppError } from '@/server/errors';
import { sessionRoute } from '@/server/http/session-route';
import { isUuid } from '@/server/schemas/common';

/**
 * The portal's "Download PDF": the signed-in client's session and scope, so another customer's
 * invoice (or a draft) is a 404 like any record outside the scope.
 */
export const GET = sessionRoute(documentQuery, async (ctx, query, { origin, params }) => {
  if (!params.id || !isUuid(params.id)) throw new AppError('not_found', 'Invoice not found');
  return pdfResponse(await invoicePdf(ctx, { id: params.id, paper: query.paper, locale: query.locale, origin }));
});
