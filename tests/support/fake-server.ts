import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Recorded } from './fake-http';

/** What a fake's router sees: the recorded request plus its parsed URL. */
export type FakeRequest = Recorded & { path: string; query: URLSearchParams };

/** What a fake's router answers: JSON unless `body` is a string (then `contentType` says what). */
export type FakeReply = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  contentType?: string;
  /** Runs once the response is on the wire, e.g. to deliver a webhook "after it answers". */
  after?: () => unknown;
};

/**
 * The HTTP plumbing the payment fakes share: a `node:http` server on 127.0.0.1 that records every
 * request (as tests/support/fake-http.ts does), answers `GET /health`, and closes its keep-alive
 * sockets on `close()` so the SDKs' agents never hold a test run open.
 */
export async function startFakeServer(port: number, route: (request: FakeRequest) => FakeReply | Promise<FakeReply>) {
  const requests: FakeRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        path: url.pathname,
        query: url.searchParams,
      };
      requests.push(request);
      const send = (reply: FakeReply) => {
        const text = typeof reply.body === 'string' ? reply.body : reply.body === undefined ? '' : JSON.stringify(reply.body);
        res.writeHead(reply.status, {
          'content-type': reply.contentType ?? 'application/json',
          'content-length': Buffer.byteLength(text),
          ...reply.headers,
        });
        res.end(text, () => {
          if (reply.after)
            void Promise.resolve()
              .then(reply.after)
              .catch((error: unknown) => console.error('fake gateway:', error));
        });
      };
      const answer = async () => (request.method === 'GET' && request.path === '/health' ? { status: 200, body: { ok: true } } : route(request));
      answer().then(send, (error: unknown) => {
        console.error('fake gateway crashed on', request.method, request.url, error);
        send({ status: 500, body: { error: { type: 'api_error', message: String(error) } } });
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const upperAlnum = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function randomFrom(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** Stripe-style id: `pi_3Px…` — prefix plus 24 base62 characters (Checkout sessions are longer). */
export const stripeId = (prefix: string, length = 24) => `${prefix}_${randomFrom(base62, length)}`;

/** PayPal-style id: 17 uppercase alphanumerics, e.g. `5O190127TN364715T`. */
export const paypalId = (length = 17) => randomFrom(upperAlnum, length);

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** POSTs a webhook; a receiver that is down counts as status 0 rather than an exception. */
export async function postWebhook(url: string, headers: Record<string, string>, body: string): Promise<number> {
  try {
    const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}
