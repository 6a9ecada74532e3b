import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Font } from '@react-pdf/renderer';
import * as fontkit from 'fontkit';

// Shipped with the project and embedded (subset) in every PDF: rendering never touches the
// network, and Latin, Greek and Cyrillic names print as typed. Licence: fonts/OFL.txt.
const fontsDir = path.join(process.cwd(), 'server', 'documents', 'fonts');
const regularFile = path.join(fontsDir, 'NotoSans-Regular.ttf');
const boldFile = path.join(fontsDir, 'NotoSans-Bold.ttf');

export const fontFamily = 'Noto Sans';

Font.register({
  family: fontFamily,
  fonts: [
    { src: regularFile, fontWeight: 400 },
    { src: boldFile, fontWeight: 700 },
  ],
});

// Lines break at spaces only. react-pdf's English hyphenation costs half of a render's time,
// and it splits figures ("7.375-%") and words of languages it has no patterns for.
Font.registerHyphenationCallback((word) => [word]);

// fontkit remembers a glyph with the code points of whoever asks for it first. Subsetting asks
// for the parts of composite glyphs (the Latin P inside the Cyrillic Р, the a inside å) with
// none, and react-pdf then drops those letters from every later document in the process
// (react-pdf issue #3404: "PAID" printed as "AID" after an invoice to "ООО «Ромашка»").
// Asking for every mapped code point first gives each glyph its own.
async function primeGlyphs(fontWeight: number): Promise<void> {
  await Font.load({ fontFamily, fontWeight });
  const font = Font.getFont({ fontFamily, fontWeight }).data;
  if (!font) throw new Error(`${fontFamily} ${fontWeight} did not load`);
  for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
}

let ready: Promise<void> | undefined;

/** Resolves once the shipped fonts are loaded and safe to render with; await before rendering. */
export function fontsReady(): Promise<void> {
  ready ??= Promise.all([primeGlyphs(400), primeGlyphs(700)]).then(() => undefined);
  return ready;
}

function openFont(file: string): fontkit.Font {
  const font = fontkit.create(readFileSync(file));
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${file} is a font collection, not a font`);
  return font;
}

const regular = openFont(regularFile);

const replacement = '\uFFFD';
const invisible = /[\p{Cc}\p{Cf}\p{Mn}]/u;

/**
 * Text the shipped font can draw. react-pdf would hand a character the font lacks (CJK, emoji)
 * to Helvetica, which cannot encode it and prints overlapping garbage; each becomes one visible
 * replacement mark instead, and invisible joiners and selectors that came with it are dropped.
 */
export function printable(text: string): string {
  let out = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x20 || regular.hasGlyphForCodePoint(codePoint)) out += char;
    else if (!invisible.test(char)) out += replacement;
  }
  return out;
}

// Per character in em: a link is measured on every render, and shaping each time costs more
// than the rest of the link's layout.
const advances = new Map<string, number>();

/** Advance width of one character in the regular face, in points at `size`. */
export function charWidth(char: string, size: number): number {
  let em = advances.get(char);
  if (em === undefined) {
    em = regular.layout(char).advanceWidth / regular.unitsPerEm;
    advances.set(char, em);
  }
  return em * size;
}
