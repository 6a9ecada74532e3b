// The host below never answers; it only lets the URL parser tell a path on this site from
// anything a browser would take somewhere else.
const probe = 'http://cashdesk.invalid';

/**
 * A same-site path to go to after signing in, or undefined. Browsers read "\" as "/" and drop
 * tabs and newlines, so "/\evil.test" or "/\t/evil.test" leave the site although they start
 * with a single slash: the raw text must start with one "/" not followed by "/" or "\", hold no
 * control character, and still name this site once parsed as a browser would.
 */
export function safeRedirectPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2000) return undefined;
  if (value[1] === '/' || value[1] === '\\') return undefined;
  if (/[\u0000-\u001f\u007f]/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, probe);
  } catch {
    return undefined;
  }
  if (url.origin !== probe) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * next-auth's redirect callback: relative paths pass the same check, absolute URLs only on this
 * site's own origin; anything else lands on the site's root, which sends each role home.
 */
export function sameSiteRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const path = safeRedirectPath(url);
  if (path) return `${baseUrl}${path}`;
  try {
    const parsed = new URL(url);
    if (parsed.origin === new URL(baseUrl).origin) return `${baseUrl}${safeRedirectPath(`${parsed.pathname}${parsed.search}${parsed.hash}`) ?? ''}`;
  } catch {
    // not a URL at all
  }
  return baseUrl;
}
