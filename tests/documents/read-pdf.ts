import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A page's size in points, its text (one line per text run) and the fonts its text is drawn in. */
export type PdfPage = { width: number; height: number; text: string; fonts: string[] };

/** A PDF as a reader's tools see it, read with pdf.js: independent of the library that wrote it. */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: PdfPage[]; title: string | undefined }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const runs = content.items.filter((item) => 'str' in item);
      const text = runs.map((item) => item.str + (item.hasEOL ? '\n' : '')).join('');
      // Font objects resolve only once the page's drawing operators have been read.
      await page.getOperatorList();
      const loaded = new Set(runs.filter((item) => item.str.trim() !== '').map((item) => item.fontName));
      const fonts = [...loaded].map((name) => (page.commonObjs.get(name) as { name: string }).name);
      pages.push({ width: x1 - x0, height: y1 - y0, text, fonts });
    }
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
    return { pages, title: info.Title };
  } finally {
    await pdf.destroy();
  }
}

/** All the text of the document with white space removed, for finding text that wrapped. */
export const squeezed = (pages: PdfPage[]) =>
  pages
    .map((p) => p.text)
    .join('')
    .replace(/\s+/g, '');

/**
 * Each page's MediaBox as written in the file, in points rounded to hundredths: the page size a
 * printer is sent, read from the bytes rather than through a reader's idea of the page.
 */
export function mediaBoxes(bytes: Uint8Array): number[][] {
  const text = Buffer.from(bytes).toString('latin1');
  return [...text.matchAll(/\/MediaBox\s*\[([^\]]*)\]/g)].map((match) =>
    match[1]!
      .trim()
      .split(/\s+/)
      .map((n) => Math.round(Number(n) * 100) / 100),
  );
}
