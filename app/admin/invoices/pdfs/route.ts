import { z } from 'zod';
import { requirePermission } from '@/server/auth/actor';
import { invoicePdfZip } from '@/server/documents/invoice-zip';
import { AppError } from '@/server/errors';
import { sessionRoute } from '@/server/http/session-route';
import { listInvoicesInput } from '@/server/schemas/invoices';

/** The list's "Download PDFs": the chosen invoices (`ids`, comma-separated) as one zip, in the session's scope. */
export const GET = sessionRoute(z.object({ ids: listInvoicesInput.shape.ids }), async (ctx, query, { origin }) => {
  // Who may not read invoices learns nothing, not even that the list of ids was wrong.
  requirePermission(ctx.actor, 'invoices.view');
  if (!query.ids?.length) throw new AppError('validation', 'Choose the invoices to download', { ids: 'choose at least one invoice' });
  const zip = await invoicePdfZip(ctx, { ids: query.ids, origin });
  return new Response(zip.bytes, {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${zip.filename}"`,
      'content-length': String(zip.bytes.byteLength),
      'cache-control': 'private, no-cache',
    },
  });
});
