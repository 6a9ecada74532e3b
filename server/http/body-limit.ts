/** What an unauthenticated endpoint reads of a request body at most (API contract: over 1 MB → 413). */
export const MAX_BODY_BYTES = 1024 * 1024;

export class PayloadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The body is over ${limit / (1024 * 1024)} MB`);
  }
}

/**
 * The body's bytes, read no further than `limit`: a declared Content-Length above it is refused
 * before reading anything, and a body without one (chunked) is cut off as soon as it passes it,
 * so a client cannot make the server buffer an unbounded upload.
 */
export async function readBodyBytes(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw new PayloadTooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new PayloadTooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of chunks) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

/** The body as UTF-8 text, as `request.text()` would give it, within the limit. */
export async function readBodyText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, limit));
}

/** The body as form fields (URL-encoded or multipart, as `request.formData()` reads them), within the limit. */
export async function readBodyForm(request: Request, limit = MAX_BODY_BYTES): Promise<FormData> {
  const bytes = await readBodyBytes(request, limit);
  return new Response(bytes, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
}

/** The body text, or null when it is over the limit and the caller should answer `tooLarge()`. */
export async function bodyTextWithin(request: Request, limit = MAX_BODY_BYTES): Promise<string | null> {
  try {
    return await readBodyText(request, limit);
  } catch (error) {
    if (error instanceof PayloadTooLarge) return null;
    throw error;
  }
}

/** 413 in the API's error format. */
export const tooLarge = (limit = MAX_BODY_BYTES) =>
  Response.json({ error: { code: 'payload_too_large', message: new PayloadTooLarge(limit).message } }, { status: 413 });
