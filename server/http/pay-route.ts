import { sessionOrVisitorContext, visitorContext } from '../context';
import { publicOrigin } from '../env';
import { AppError } from '../errors';
import type { PayAccess } from '../schemas/payments';
import type { ServiceContext } from '../services/context';
import { PayloadTooLarge, readBodyForm, readBodyText, tooLarge } from './body-limit';
import { isSameOrigin } from './request';

/**
 * Who pays: with a link token, an anonymous visitor whatever cookie they carry (the token alone
 * opens the invoice); without one, the signed-in user, whose scope decides what they may pay.
 */
export async function payerContext(headers: Headers, token: string | null): Promise<{ ctx: ServiceContext; access: PayAccess }> {
  const ctx = token ? await visitorContext(headers) : await sessionOrVisitorContext(headers);
  return { ctx, access: token ? { kind: 'token', token } : { kind: 'session' } };
}

type RouteContext = { params: Promise<{ id: string }> };
export type Payer = { ctx: ServiceContext; access: PayAccess; invoiceId: string; origin: string };

/**
 * A pay button's POST from the pay page or the public invoice page: the signed-in customer,
 * or an anonymous visitor holding the invoice's link token (the `token` field). Only our own
 * pages may post here.
 */
export function payRoute(run: (payer: Payer) => Promise<Response>, onError: OnError) {
  return async function POST(request: Request, route: RouteContext): Promise<Response> {
    return answer(
      request,
      route,
      onError,
      async () => {
        // Anyone may post here: no more than the body limit is read.
        const fields = request.headers.get('content-type')?.includes('application/json')
          ? jsonFields(await readBodyText(request))
          : Object.fromEntries(await readBodyForm(request));
        return typeof fields.token === 'string' && fields.token !== '' ? fields.token : null;
      },
      run,
      { sameOrigin: true },
    );
  };
}

/**
 * The card payment link in invoice messages: a GET carrying the public token. It only opens a
 * checkout for the balance (no money moves until the customer pays at Stripe), so it needs no
 * same-origin check, and a mail scanner fetching it reuses the one open session.
 */
export function payLinkRoute(run: (payer: Payer) => Promise<Response>, onError: OnError) {
  return async function GET(request: Request, route: RouteContext): Promise<Response> {
    return answer(request, route, onError, async () => new URL(request.url).searchParams.get('token'), run, { sameOrigin: false });
  };
}

function jsonFields(text: string): Record<string, unknown> {
  try {
    return (JSON.parse(text) as Record<string, unknown> | null) ?? {};
  } catch {
    return {};
  }
}

type OnError = (error: AppError, payer: { invoiceId: string; origin: string; token: string | null }) => Response;

async function answer(
  request: Request,
  route: RouteContext,
  onError: OnError,
  tokenOf: () => Promise<string | null>,
  run: (payer: Payer) => Promise<Response>,
  options: { sameOrigin: boolean },
) {
  const { id: invoiceId } = await route.params;
  const origin = publicOrigin();
  let token: string | null = null;
  try {
    token = (await tokenOf()) || null;
    if (options.sameOrigin && !isSameOrigin(request.headers)) throw new AppError('forbidden', 'Payments start from this site’s own pages');
    const { ctx, access } = await payerContext(request.headers, token);
    return await run({ ctx, access, invoiceId, origin });
  } catch (error) {
    if (error instanceof PayloadTooLarge) return tooLarge();
    if (error instanceof AppError) return onError(error, { invoiceId, origin, token });
    console.error('[cashdesk] payment could not start', error);
    return onError(new AppError('payment_failed', 'The payment could not be started; nothing was charged'), { invoiceId, origin, token });
  }
}

/** A payment that could not start: the return page says why, with a way back to the invoice. */
export const backWithError: OnError = (error, { invoiceId, origin, token }) => {
  const back = new URL('/pay/return', origin);
  back.searchParams.set('invoice', invoiceId);
  back.searchParams.set('error', error.message);
  if (token) back.searchParams.set('token', token);
  return Response.redirect(back.toString(), 303);
};
