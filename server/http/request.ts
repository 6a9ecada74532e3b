/** The caller's address as the nearest proxy reports it; audit rows and rate limits use it. */
export function clientIp(headers: Headers): string | undefined {
  const forwarded = headers.get('x-forwarded-for');
  if (forwarded) return forwarded.split(',')[0]?.trim() || undefined;
  return headers.get('x-real-ip') ?? undefined;
}

/**
 * Cookie-authenticated mutations must come from our own pages. Browsers send Origin on every
 * cross-site POST (and Sec-Fetch-Site on modern ones), so a request whose Origin names another
 * host — or that carries neither header — is refused.
 */
export function isSameOrigin(headers: Headers): boolean {
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  const origin = headers.get('origin');
  // Pages served with `Referrer-Policy: no-referrer` (the public invoice page, whose URL holds
  // its token) post with `Origin: null`; Sec-Fetch-Site still tells where the post came from.
  if (origin && origin !== 'null') {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return headers.get('sec-fetch-site') === 'same-origin';
}

/** This server's origin as the client sees it (NEXTAUTH_URL wins), for absolute links. */
export function originOf(headers: Headers, fallbackUrl?: string): string {
  const configured = process.env.NEXTAUTH_URL?.replace(/\/$/, '');
  if (configured) return configured;
  const url = fallbackUrl ? new URL(fallbackUrl) : null;
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? url?.host ?? 'localhost:3000';
  const proto = headers.get('x-forwarded-proto') ?? url?.protocol.replace(':', '') ?? 'http';
  return `${proto}://${host}`;
}
