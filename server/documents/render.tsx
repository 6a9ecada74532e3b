import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { renderToBuffer } from '@react-pdf/renderer';
import { ByteCache, type Bytes } from './byte-cache';
import { fontsReady } from './fonts';
import { InvoiceDocument } from './invoice-document';
import { loadDocumentWords } from './load';
import type { InvoiceDocumentModel } from './model';
import type { Paper } from './paper';

export async function renderInvoicePdf(doc: InvoiceDocumentModel, paper: Paper): Promise<Bytes> {
  const [, w] = await Promise.all([fontsReady(), loadDocumentWords(doc.locale)]);
  // Copied onto an ArrayBuffer of its own: what a Response body takes, and nothing shared with
  // Node's buffer pool stays alive in the cache.
  const bytes = new Uint8Array(await renderToBuffer(<InvoiceDocument doc={doc} paper={paper} w={w} />));
  // React frees each rendered tree in a task of its scheduler (setImmediate). Renders chained
  // without other I/O (a batch, a benchmark) would never give it a turn, and every document's
  // tree would stay in memory: yield once so it does.
  await yieldToEventLoop();
  return bytes;
}

/**
 * The cache key is a digest of everything printed, not of timestamps: any change to the
 * invoice, its customer, the settings, the public link or the language yields a new key (the
 * language is also spelled out, for whoever reads the keys), and a version that
 * nobody asks for any more simply ages out of the cache.
 */
function documentVersion(doc: InvoiceDocumentModel, paper: Paper): string {
  const json = JSON.stringify(doc, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  return `${doc.id}:${doc.locale}:${paper.id}:${createHash('sha256').update(json).digest('base64url')}`;
}

// A one-page invoice is ~30 KB (mostly the embedded font subsets), a 200-line one ~55 KB:
// 64 MB keeps a couple of thousand.
export const pdfCache = new ByteCache(64 * 1024 * 1024);
const rendering = new Map<string, Promise<Bytes>>();

/** The document's bytes, rendered once per version; concurrent requests share one render. */
export async function cachedInvoicePdf(doc: InvoiceDocumentModel, paper: Paper): Promise<Bytes> {
  const key = documentVersion(doc, paper);
  const cached = pdfCache.get(key);
  if (cached) return cached;
  let pending = rendering.get(key);
  if (!pending) {
    pending = renderInvoicePdf(doc, paper)
      .then((bytes) => {
        pdfCache.set(key, bytes);
        return bytes;
      })
      .finally(() => rendering.delete(key));
    rendering.set(key, pending);
  }
  return pending;
}
