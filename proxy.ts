import { randomBytes } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/server/env';
import { securityHeaders, type HeaderConfig } from '@/server/http/security-headers';

let deployment: HeaderConfig | undefined;

function headerConfig(): HeaderConfig {
  if (deployment) return deployment;
  const { publicOrigin, NODE_ENV, PAYPAL_SDK_URL, STRIPE_API_URL } = env();
  // A local Stripe fake (STRIPE_API_URL) serves its checkout page itself.
  const stripeCheckoutOrigins = ['https://checkout.stripe.com', ...(STRIPE_API_URL ? [new URL(STRIPE_API_URL).origin] : [])];
  deployment = { publicOrigin, dev: NODE_ENV === 'development', paypalSdkUrl: PAYPAL_SDK_URL, stripeCheckoutOrigins };
  return deployment;
}

/**
 * A fresh nonce per request for the Content-Security-Policy, and the other security headers.
 * Next.js finds the nonce in the request's own CSP header and puts it on the scripts it renders;
 * the root layout reads `x-nonce` for the theme script. Both are set here, over anything the
 * client sent.
 */
export function proxy(request: NextRequest) {
  const nonce = randomBytes(16).toString('base64');
  const headers = securityHeaders(request.nextUrl.pathname, nonce, headerConfig());
  const forwarded = new Headers(request.headers);
  forwarded.set('x-nonce', nonce);
  // Which area the page is in, for the language (i18n/request.ts): the console stays English.
  forwarded.set('x-cashdesk-path', request.nextUrl.pathname);
  forwarded.set('content-security-policy', headers['Content-Security-Policy']!);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Build assets carry no markup; everything else, pages, route handlers and the RSC requests
// of client navigations alike, gets the headers.
export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
