import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files it loads by path; bundled, it fails at runtime
  // with ERR_INVALID_ARG_TYPE, so it must stay a plain Node require.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() and forbidden.tsx: the "You don't have access" page answers 403 (app/_lib/guard.ts).
  experimental: { authInterrupts: true },
  // The same on every response, build assets included; the per-request headers (CSP with its
  // nonce, Referrer-Policy, HSTS) come from proxy.ts.
  headers: async () => [{ source: '/:path*', headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }] }],
};

// Customer-facing pages read their texts through next-intl; i18n/request.ts picks the language.
export default createNextIntlPlugin('./i18n/request.ts')(nextConfig);
