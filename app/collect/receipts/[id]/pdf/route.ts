import { z } from 'zod';
import { pdfResponse } from '@/server/documents/invoice-pdf';
import { renderReceiptPdf } from '@/server/documents/receipt-document';
import { AppError } from '@/server/errors';
import { sessionRoute } from '@/server/http/session-route';
import { isUuid } from '@/server/schemas/common';
import { collectionReceipt } from '@/server/services/collect/receipt';

/** The Collect page's "Download receipt": the 80 mm receipt of a cash collection the session may see. */
export const GET = sessionRoute(z.object({}), async (ctx, _query, { origin, params }) => {
  if (!params.id || !isUuid(params.id)) throw new AppError('not_found', 'Receipt not found');
  return pdfResponse(await renderReceiptPdf(await collectionReceipt(ctx, { paymentId: params.id, origin })));
});
