import { BlockList, isIP } from 'node:net';
import { env, publicOrigin } from '../env';

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** Whether an address falls in CASHDESK_TRUSTED_PROXIES-style entries ("10.0.0.0/8", "::1"). */
export function proxyMatcher(entries: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    if (prefix === undefined) list.addAddress(address, family(address));
    else list.addSubnet(address, Number(prefix), family(address));
  }
  return (address) => list.check(address, family(address));
}

/**
 * One X-Forwarded-For entry as an address, or null when it is none: proxies may write a port
 * ("203.0.113.9:4711", "[2001:db8::1]:443") and Node reports IPv4 peers as "::ffff:a.b.c.d".
 */
function addressOf(entry: string): string | null {
  let value = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value : null;
}

/**
 * The client behind a chain of trusted proxies. Each proxy appends the address it was reached
 * from, so the list is read from the right: the first entry that is not a trusted proxy is the
 * client, and everything left of it is whatever that client chose to send. With no trusted
 * proxies nothing in the header is believed.
 *
 * Next.js's server fills X-Forwarded-For with the socket peer only when the request carries none
 * (`??=`), and gives route handlers no other view of the peer; a peer address is therefore
 * indistinguishable from a client's own header, and is not used without trusted proxies.
 */
export function forwardedClient(forwardedFor: string | null, isTrusted: (address: string) => boolean, anyTrusted: boolean): string | undefined {
  if (!anyTrusted || !forwardedFor) return undefined;
  const hops = forwardedFor.split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = addressOf(hops[i]!);
    // Garbage written by a trusted hop's client: nothing left of it can be placed.
    if (!address) return undefined;
    if (!isTrusted(address) || i === 0) return address;
  }
  return undefined;
}

let trusted: { entries: readonly string[]; matches: (address: string) => boolean } | undefined;

/** The caller's address for audit rows and rate limits, through CASHDESK_TRUSTED_PROXIES only. */
export function clientIp(headers: Headers): string | undefined {
  const entries = env().CASHDESK_TRUSTED_PROXIES;
  if (trusted?.entries !== entries) trusted = { entries, matches: proxyMatcher(entries) };
  return forwardedClient(headers.get('x-forwarded-for'), trusted.matches, entries.length > 0);
}

/**
 * Cookie-authenticated mutations must come from our own pages. Browsers send Origin on every
 * cross-site POST (and Sec-Fetch-Site on modern ones), so a request whose Origin names neither
 * the configured public origin nor the host it was sent to — or that carries neither header —
 * is refused. A page cannot set Host or X-Forwarded-Host on a cross-site request, so comparing
 * with them is safe; the public origin covers proxies that rewrite both.
 */
export function isSameOrigin(headers: Headers, configured: string = publicOrigin()): boolean {
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  const origin = headers.get('origin');
  // Pages served with `Referrer-Policy: no-referrer` (the public invoice page, whose URL holds
  // its token) post with `Origin: null`; Sec-Fetch-Site still tells where the post came from.
  if (origin && origin !== 'null') {
    if (origin === configured) return true;
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return headers.get('sec-fetch-site') === 'same-origin';
}
