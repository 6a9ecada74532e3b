import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { SkipLink } from './_components/ui/skip-link';
import './globals.css';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'Cashdesk', template: '%s · Cashdesk' },
  description: 'Orders, invoices and recurring billing',
};

// Reading the request makes every page render per request, as its CSP nonce requires
// (proxy.ts); a prerendered page would carry scripts without it, which the browser refuses.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [nonce, locale] = await Promise.all([headers().then((h) => h.get('x-nonce') ?? undefined), getLocale()]);
  return (
    // next-themes sets the theme class before hydration, so the server markup differs by design.
    <html lang={locale} suppressHydrationWarning>
      <body className="min-h-screen antialiased">
        <SkipLink />
        <NextIntlClientProvider>
          <Providers nonce={nonce}>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
