import { z } from 'zod';
import { anonymousActor } from '@/server/auth/actor';
import { database } from '@/server/db';
import { pdfResponse } from '@/server/documents/invoice-pdf';
import { paperParam } from '@/server/documents/paper';
import { AppError, fieldErrors } from '@/server/errors';
import { publicOrigin } from '@/server/env';
import { clientIp } from '@/server/http/request';
import { toErrorResponse } from '@/server/rest/http-errors';
import { publicInvoicePdf } from '@/server/services/invoices/public-link';

const query = z.object({ token: z.string().max(200).default(''), paper: paperParam.optional() });

/** The PDF behind a public invoice link: no sign-in, the link's token instead (same check and limit as the page). */
export async function GET(request: Request, route: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError('validation', 'The request is not valid; see fields', fieldErrors(parsed.error.issues));
    const { id } = await route.params;
    const ctx = { db: await database(), actor: anonymousActor(clientIp(request.headers)), now: new Date() };
    return pdfResponse(await publicInvoicePdf(ctx, { id, token: parsed.data.token, paper: parsed.data.paper, origin: publicOrigin() }));
  } catch (error) {
    return toErrorResponse(error);
  }
}
