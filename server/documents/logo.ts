import { PNG } from 'pngjs';

const pngDataUrl = /^data:image\/png;base64,/;

let last: { input: string; output: string | null } | undefined;

/**
 * The seller's logo as the PDF should embed it. pdfkit copies a JPEG or an opaque PNG into the
 * file as it is, but decodes, splits and recompresses a PNG with transparency on every render
 * (a small logo cost more than a whole page of text). Invoices are printed on white, so a PNG is
 * flattened onto white once, when the setting is read. A logo that does not decode is left off
 * rather than failing every document.
 */
export function opaqueLogo(dataUrl: string): string | null {
  if (!pngDataUrl.test(dataUrl)) return dataUrl;
  if (last?.input !== dataUrl) last = { input: dataUrl, output: flatten(dataUrl) };
  return last.output;
}

function flatten(dataUrl: string): string | null {
  let image: PNG;
  try {
    image = PNG.sync.read(Buffer.from(dataUrl.replace(pngDataUrl, ''), 'base64'));
  } catch {
    return null;
  }
  const { data } = image;
  for (let i = 0; i < data.length; i += 4) {
    const alpha = data[i + 3]!;
    for (let channel = i; channel < i + 3; channel++) data[channel] = Math.round((data[channel]! * alpha + 255 * (255 - alpha)) / 255);
    data[i + 3] = 255;
  }
  return `data:image/png;base64,${PNG.sync.write(image, { colorType: 2 }).toString('base64')}`;
}
