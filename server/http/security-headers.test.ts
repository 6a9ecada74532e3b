import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders, type HeaderConfig } from './security-headers';

const config: HeaderConfig = {
  publicOrigin: 'https://billing.example.com',
  dev: false,
  paypalSdkUrl: 'https://www.paypal.com/sdk/js',
  stripeCheckoutOrigins: ['https://checkout.stripe.com'],
};

/** The policy as directive → sources, so a test names what it is about. */
const policy = (pathname: string, overrides: Partial<HeaderConfig> = {}) =>
  Object.fromEntries(
    contentSecurityPolicy(pathname, 'n0nce', { ...config, ...overrides })
      .split('; ')
      .map((d) => {
        const [name, ...sources] = d.split(' ');
        return [name!, sources];
      }),
  );

describe('content security policy', () => {
  it('runs only nonced scripts and what they load, and is framed by no one', () => {
    expect(policy('/admin/invoices')).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'nonce-n0nce'", "'strict-dynamic'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'frame-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      'upgrade-insecure-requests': [],
    });
  });

  it.each(['/admin/invoices/abc', '/reseller', '/sign-in', '/', '/storefront', '/p/invoice/abc/pdf'])('names neither gateway on %s', (path) => {
    expect(contentSecurityPolicy(path, 'n', config)).not.toMatch(/paypal|stripe/);
  });

  // Pay pages, and the pages a client-side navigation reaches them from.
  it.each(['/p/invoice/0f9c', '/client/invoices/0f9c/pay', '/client', '/client/invoices/0f9c', '/pay/return', '/checkout', '/store', '/store/0f9c'])(
    'lets %s load PayPal and post on to Stripe Checkout',
    (path) => {
      const csp = policy(path);
      const paypal = ['https://www.paypal.com', 'https://*.paypal.com', 'https://*.paypalobjects.com'];
      for (const directive of ['script-src', 'img-src', 'connect-src', 'frame-src']) expect(csp[directive]).toEqual(expect.arrayContaining(paypal));
      expect(csp['form-action']).toEqual(["'self'", 'https://checkout.stripe.com']);
      expect(csp['default-src']).toEqual(["'self'"]);
    },
  );

  it('takes PayPal from PAYPAL_SDK_URL, without PayPal’s own hosts when it points elsewhere', () => {
    const csp = policy('/p/invoice/0f9c', {
      paypalSdkUrl: 'http://127.0.0.1:3192/sdk/js',
      stripeCheckoutOrigins: ['https://checkout.stripe.com', 'http://127.0.0.1:3191'],
    });
    expect(csp['connect-src']).toEqual(["'self'", 'http://127.0.0.1:3192']);
    expect(csp['form-action']).toEqual(["'self'", 'https://checkout.stripe.com', 'http://127.0.0.1:3191']);
  });

  it('allows eval only under next dev, and upgrades requests only on an https origin', () => {
    expect(policy('/store', { dev: true })['script-src']).toContain("'unsafe-eval'");
    expect(policy('/store')['script-src']).not.toContain("'unsafe-eval'");
    expect(policy('/store', { publicOrigin: 'http://localhost:3000' })).not.toHaveProperty('upgrade-insecure-requests');
  });

  it('keeps PDFs viewable in the browser but not framed', () => {
    for (const path of ['/p/invoice/0f9c/pdf', '/admin/invoices/0f9c/pdf', '/api/v1/invoices/0f9c/pdf']) {
      expect(contentSecurityPolicy(path, 'n', config)).toBe("frame-ancestors 'none'");
    }
  });
});

describe('security headers', () => {
  it('sends no Referer from the public invoice page and its PDF, the origin only elsewhere', () => {
    expect(securityHeaders('/p/invoice/0f9c', 'n', config)['Referrer-Policy']).toBe('no-referrer');
    expect(securityHeaders('/p/invoice/0f9c/pdf', 'n', config)['Referrer-Policy']).toBe('no-referrer');
    expect(securityHeaders('/store', 'n', config)['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });

  it('asks for https from then on only when the public origin is https', () => {
    expect(securityHeaders('/store', 'n', config)['Strict-Transport-Security']).toBe('max-age=31536000');
    expect(securityHeaders('/store', 'n', { ...config, publicOrigin: 'http://localhost:3000' })).not.toHaveProperty('Strict-Transport-Security');
  });
});
