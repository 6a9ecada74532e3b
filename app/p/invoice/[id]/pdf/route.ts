import { z } from 'zod';
import { visitorContext } from '@/server/context';
import { documentQueryFields, pdfResponse } from '@/server/documents/invoice-pdf';
import { paperFromQuery } from '@/server/documents/paper';
import { publicOrigin } from '@/server/env';
import { parseOrThrow } from '@/server/errors';
import { toErrorResponse } from '@/server/rest/http-errors';
import { publicInvoicePdf } from '@/server/services/invoices/public-link';

const query = z.object({ token: z.string().max(200).default(''), ...documentQueryFields }).transform(paperFromQuery);

/** The PDF behind a public invoice link: no sign-in, the link's token instead (same check and limit as the page). */
export async function GET(request: Request, route: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { token, paper, locale } = parseOrThrow(query, Object.fromEntries(new URL(request.url).searchParams));
    const { id } = await route.params;
    return pdfResponse(await publicInvoicePdf(await visitorContext(request.headers), { id, token, paper, locale, origin: publicOrigin() }));
  } catch (error) {
    return toErrorResponse(error);
  }
}
