/** What the response headers depend on besides the path: the deployment, read once at start. */
export type HeaderConfig = {
  /** The configured public origin; https turns on HSTS and upgrade-insecure-requests. */
  publicOrigin: string;
  /** `next dev` evaluates code for its error overlay, so scripts need 'unsafe-eval' there. */
  dev: boolean;
  /** PAYPAL_SDK_URL: pay pages load PayPal's JS SDK from it, and it frames and calls home. */
  paypalSdkUrl: string;
  /** Where a "Pay by card" form post is redirected to (Stripe Checkout's page). */
  stripeCheckoutOrigins: readonly string[];
};

// PayPal's SDK loads its buttons, images and API calls from subdomains of these.
const paypalHosts = ['https://*.paypal.com', 'https://*.paypalobjects.com'];

/**
 * The customer's side: storefront, checkout, portal, public invoice and pay pages. A policy is
 * the document's, and Next.js moves between pages without loading a new document (a link, a
 * server action's redirect from checkout to the pay page), so every page a pay page can be
 * reached from this way must already allow what paying needs. The consoles never pay.
 */
const isCustomerSide = (pathname: string) => /^\/(store|checkout|client|p|pay)(\/|$)/.test(pathname);

// Chrome shows a PDF through a plugin embedded in the response's own document, which a page
// policy (object-src 'none', default-src) would block; downloads only need not to be framed.
const isPdf = (pathname: string) => /\/pdf\/?$/.test(pathname);

function paypalSources(sdkUrl: string): string[] {
  const url = new URL(sdkUrl);
  const isPayPal = url.hostname === 'paypal.com' || url.hostname.endsWith('.paypal.com');
  return [url.origin, ...(isPayPal ? paypalHosts : [])];
}

/**
 * The Content-Security-Policy of a page. Scripts run only with this response's nonce (Next.js
 * puts it on its own scripts) or when such a script loads them ('strict-dynamic'), so injected
 * markup cannot run code. Styles allow inline: React `style` props and Radix/sonner write style
 * attributes and elements that carry no nonce, and a nonce in style-src would switch
 * 'unsafe-inline' off. Stripe and PayPal appear only on the customer's side.
 */
export function contentSecurityPolicy(pathname: string, nonce: string, config: HeaderConfig): string {
  if (isPdf(pathname)) return "frame-ancestors 'none'";
  const pays = isCustomerSide(pathname);
  const paypal = pays ? paypalSources(config.paypalSdkUrl) : [];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(config.dev ? ["'unsafe-eval'"] : []), ...paypal],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:', ...paypal],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...paypal],
    ['frame-src', "'self'", ...paypal],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    // Chrome checks form-action on the redirect that follows a post, too.
    ['form-action', "'self'", ...(pays ? config.stripeCheckoutOrigins : [])],
    ['frame-ancestors', "'none'"],
  ];
  if (config.publicOrigin.startsWith('https:')) directives.push(['upgrade-insecure-requests']);
  return directives.map((d) => d.join(' ')).join('; ');
}

/** The security headers the proxy puts on a response for `pathname` (nosniff comes from next.config). */
export function securityHeaders(pathname: string, nonce: string, config: HeaderConfig): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(pathname, nonce, config),
    // The public invoice's address holds its token: it is never sent on, not even to ourselves.
    'Referrer-Policy': pathname.startsWith('/p/invoice/') ? 'no-referrer' : 'strict-origin-when-cross-origin',
  };
  // Browsers heed HSTS only when it arrives over https, so the configured origin decides.
  if (config.publicOrigin.startsWith('https:')) headers['Strict-Transport-Security'] = 'max-age=31536000';
  return headers;
}
