import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, PayloadTooLarge, readBodyForm, readBodyText } from './body-limit';

const chunk = 64 * 1024;

/** A chunked upload of `total` bytes that counts how much of it the server pulled. */
function upload(total: number, headers: Record<string, string> = {}) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.pulled >= total) return controller.close();
        const size = Math.min(chunk, total - seen.pulled);
        seen.pulled += size;
        controller.enqueue(new Uint8Array(size).fill(0x61));
      },
      cancel() {
        seen.cancelled = true;
      },
      // Nothing is pulled before someone reads.
    },
    { highWaterMark: 0 },
  );
  const request = new Request('http://localhost/hook', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);
  return { request, seen };
}

describe('request body limit', () => {
  it('reads a body up to the limit exactly as request.text() would', async () => {
    const text = '{"name":"Zoë ✓"}';
    expect(await readBodyText(new Request('http://localhost/', { method: 'POST', body: text }))).toBe(text);
    const { request } = upload(MAX_BODY_BYTES);
    expect((await readBodyText(request)).length).toBe(MAX_BODY_BYTES);
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const { request, seen } = upload(2 * MAX_BODY_BYTES, {
      'content-length': String(2 * MAX_BODY_BYTES),
    });
    await expect(readBodyText(request)).rejects.toBeInstanceOf(PayloadTooLarge);
    expect(seen.pulled).toBe(0);
  });

  it('stops a chunked body as soon as it passes the limit, and cancels the rest', async () => {
    const { request, seen } = upload(16 * MAX_BODY_BYTES);
    await expect(readBodyText(request)).rejects.toBeInstanceOf(PayloadTooLarge);
    // The one chunk that crossed the line, and whatever the stream queued ahead of it.
    expect(seen.pulled).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * chunk);
    expect(seen.cancelled).toBe(true);
  });

  it('does not trust a Content-Length that understates the body', async () => {
    const { request } = upload(2 * MAX_BODY_BYTES, { 'content-length': '10' });
    await expect(readBodyText(request)).rejects.toBeInstanceOf(PayloadTooLarge);
  });

  it('reads form posts, URL-encoded or multipart, within the limit', async () => {
    const encoded = new Request('http://localhost/', {
      method: 'POST',
      body: new URLSearchParams({ token: 'abc' }),
    });
    expect((await readBodyForm(encoded)).get('token')).toBe('abc');
    const form = new FormData();
    form.set('token', 'xyz');
    expect((await readBodyForm(new Request('http://localhost/', { method: 'POST', body: form }))).get('token')).toBe('xyz');
    const big = new Request('http://localhost/', {
      method: 'POST',
      body: new URLSearchParams({ token: 'a'.repeat(MAX_BODY_BYTES) }),
    });
    await expect(readBodyForm(big)).rejects.toBeInstanceOf(PayloadTooLarge);
  });
});
