import { mmToPoints, type Paper } from './paper';

/**
 * How a document sits on a paper size, in points. `sheet` is the two-column letterhead layout
 * with a line table; `receipt` stacks everything in one narrow column, for thermal rolls and
 * any paper too narrow for the table's five columns.
 */
export type Layout = {
  variant: 'sheet' | 'receipt';
  margin: number;
  fontSize: number;
  smallSize: number;
  titleSize: number;
  qrSize: number;
  logoHeight: number;
  contentWidth: number;
};

// Below this width the line table's numeric columns leave no room for a description.
const receiptBelowPt = mmToPoints(100);
const a4WidthPt = mmToPoints(210);

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const halfPoints = (value: number) => Math.round(value * 2) / 2;

export function layoutFor(paper: Paper): Layout {
  const width = paper.widthPt;
  if (width < receiptBelowPt) {
    const margin = halfPoints(clamp(width * 0.05, 6, 12));
    const fontSize = halfPoints(clamp((width / mmToPoints(80)) * 7.5, 6, 8));
    const contentWidth = width - 2 * margin;
    return {
      variant: 'receipt',
      margin,
      fontSize,
      smallSize: fontSize - 1,
      titleSize: fontSize + 3,
      qrSize: halfPoints(contentWidth * 0.45),
      logoHeight: halfPoints(fontSize * 4),
      contentWidth,
    };
  }
  // Type scales with the sheet so A4 reads at 9 pt, A6 stays legible and A3 does not shout.
  const scale = width / a4WidthPt;
  const margin = Math.round(clamp(width * 0.06, 18, 48));
  const fontSize = halfPoints(clamp(scale * 9, 7, 11));
  return {
    variant: 'sheet',
    margin,
    fontSize,
    smallSize: halfPoints(fontSize * 0.8),
    titleSize: halfPoints(fontSize * 2),
    qrSize: halfPoints(clamp(width * 0.13, 56, 100)),
    logoHeight: halfPoints(fontSize * 4.5),
    contentWidth: width - 2 * margin,
  };
}

/**
 * Breaks text that has no spaces (a link) into lines no wider than `maxWidth`, never inside a
 * character and without the hyphen a word break would add, so the lines join back to the text.
 * Widths are summed per character: kerning only ever tightens a link's characters.
 */
export function breakToWidth(text: string, maxWidth: number, charWidth: (char: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const char of text) {
    const advance = charWidth(char);
    if (line !== '' && width + advance > maxWidth) {
      lines.push(line);
      line = '';
      width = 0;
    }
    line += char;
    width += advance;
  }
  if (line !== '') lines.push(line);
  return lines;
}
