import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

/**
 * Calls the desk configures (provisioning webhooks, SMS and WhatsApp gateways) must never reach
 * this server's own network: whoever can type a URL would otherwise read loopback services,
 * cloud metadata or the LAN through Cashdesk. An operator whose provisioner or gateway does live
 * on a private network sets CASHDESK_ALLOW_PRIVATE_URLS=1 (tests do, for their local fakes).
 */
export const privateUrlsAllowed = () => process.env.CASHDESK_ALLOW_PRIVATE_URLS === '1';

export class PrivateAddressRefused extends Error {
  override name = 'PrivateAddressRefused';
}

type Range = { bytes: number[]; bits: number };

function bytesOf(ip: string): number[] | null {
  const address = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const version = isIP(address);
  if (version === 4) return address.split('.').map(Number);
  if (version !== 6) return null;
  // A trailing dotted quad (::ffff:127.0.0.1) is the last two 16-bit groups written in decimal.
  const hex = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) => `${((+a << 8) | +b).toString(16)}:${((+c << 8) | +d).toString(16)}`);
  const [head = '', tail] = hex.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return all.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

const range = (cidr: string): Range => {
  const [address, bits] = cidr.split('/');
  return { bytes: bytesOf(address!)!, bits: Number(bits) };
};

function within(bytes: number[], { bytes: prefix, bits }: Range): boolean {
  for (let bit = 0; bit < bits; bit += 8) {
    const mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
    if ((bytes[bit / 8]! & mask) !== (prefix[bit / 8]! & mask)) return false;
  }
  return true;
}

// Unspecified, private, CGNAT, loopback, link-local, IETF-reserved, benchmarking, multicast,
// reserved and broadcast.
const closedV4 = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '224.0.0.0/4',
  '240.0.0.0/4',
].map(range);
// Unspecified, loopback, discard, unique-local, link-local, site-local, multicast.
const closedV6 = ['::/128', '::1/128', '100::/64', 'fc00::/7', 'fe80::/10', 'fec0::/10', 'ff00::/8'].map(range);
// IPv6 forms that carry an IPv4 address, which is what the packet reaches in the end:
// IPv4-mapped, IPv4-translated (SIIT), NAT64, IPv4-compatible at the end; 6to4 after 16 bits.
const embeddingV4 = ['::ffff:0:0/96', '::ffff:0:0:0/96', '64:ff9b::/96', '64:ff9b:1::/48', '::/96'].map(range);
const sixToFour = range('2002::/16');

/** Whether `ip` (IPv4 or IPv6, brackets and zone allowed) is an address on the public internet. */
export function isPublicAddress(ip: string): boolean {
  const bytes = bytesOf(ip);
  if (!bytes) return false;
  if (bytes.length === 4) return !closedV4.some((r) => within(bytes, r));
  if (closedV6.some((r) => within(bytes, r))) return false;
  if (embeddingV4.some((r) => within(bytes, r))) return isPublicAddress(bytes.slice(12).join('.'));
  if (within(bytes, sixToFour)) return isPublicAddress(bytes.slice(2, 6).join('.'));
  return true;
}

const refusal = (host: string) => new PrivateAddressRefused(`${host} points to a private address`);

/**
 * Resolves like the system does, but refuses a name with any private address among its answers;
 * the connection then uses exactly the addresses checked here, so a second, different DNS answer
 * (rebinding) never reaches the socket.
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { all: true, family: options.family ?? 0, hints: options.hints ?? 0 }, (error, addresses: LookupAddress[]) => {
    const done = callback as (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
    if (error) return done(error, '');
    if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address))) return done(refusal(hostname), '');
    if (options.all) return done(null, addresses);
    return done(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/**
 * Whether the desk may save this URL: a literal private address, or a name resolving to one, is
 * refused. A name that does not resolve now is let through; the call itself checks again.
 */
export async function pointsToPrivateAddress(url: string): Promise<boolean> {
  return !privateUrlsAllowed() && resolvesToPrivateAddress(url);
}

/** Whether the URL's host is, or resolves to, a private address, whatever the server allows. */
export async function resolvesToPrivateAddress(url: string): Promise<boolean> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return !isPublicAddress(host);
  return new Promise((resolve) => {
    dnsLookup(host, { all: true }, (error, addresses) => resolve(!error && addresses.some((a) => !isPublicAddress(a.address))));
  });
}

/**
 * At most `max` characters of a provider's answer with control characters and runs of white
 * space folded, safe to keep in a job error or a notification log.
 */
export function excerpt(text: string, max = 200): string {
  const clean = text
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

export type OutboundRequest = { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string; signal: AbortSignal };
export type OutboundResponse = { status: number; ok: boolean; statusText: string; text: string };

// Provider answers are small; anything beyond this is cut off rather than buffered.
const MAX_ANSWER_BYTES = 256 * 1024;

/**
 * One HTTP(S) request to a URL the desk configured: private targets refused (see above) unless
 * `allowPrivate`, redirects not followed (a 3xx is the answer), the answer read up to 256 KiB.
 */
export async function outboundRequest(url: string, init: OutboundRequest, allowPrivate = privateUrlsAllowed()): Promise<OutboundResponse> {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error(`${target.protocol} URLs are not called`);
  const guarded = !allowPrivate;
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (guarded && isIP(host) && !isPublicAddress(host)) throw refusal(host);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<OutboundResponse>((resolve, reject) => {
    // A fresh connection each time (agent: false): a pooled socket would skip the lookup above.
    const options = { method: init.method, headers: init.headers, signal: init.signal, agent: false, ...(guarded ? { lookup: publicOnlyLookup } : {}) };
    const outgoing = request(target, options, (incoming) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        const status = incoming.statusCode ?? 0;
        resolve({ status, ok: status >= 200 && status < 300, statusText: incoming.statusMessage ?? '', text: Buffer.concat(chunks).toString('utf8') });
      };
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_ANSWER_BYTES) return void chunks.push(chunk);
        chunks.push(chunk.subarray(0, chunk.length - (size - MAX_ANSWER_BYTES)));
        incoming.destroy();
        finish();
      });
      incoming.on('end', finish);
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}
