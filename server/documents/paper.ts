import { z } from 'zod';
import type { BillingSettings } from '../schemas/settings';

const POINTS_PER_INCH = 72;
const MM_PER_INCH = 25.4;

export const mmToPoints = (mm: number) => (mm * POINTS_PER_INCH) / MM_PER_INCH;
const inchesToPoints = (inches: number) => inches * POINTS_PER_INCH;

/**
 * A page to render on, in PDF points. `heightPt` is null for thermal receipts: the roll is cut
 * where the content ends, so the single page is exactly as tall as the document.
 */
export type Paper = {
  /** As typed in `?paper=` or the paper-size setting (matched case-insensitively). */
  id: string;
  label: string;
  widthPt: number;
  heightPt: number | null;
};

const sheet = (id: string, label: string, widthPt: number, heightPt: number): Paper => ({ id, label, widthPt, heightPt });
const iso = (id: string, widthMm: number, heightMm: number) => sheet(id, `${id} (${widthMm} × ${heightMm} mm)`, mmToPoints(widthMm), mmToPoints(heightMm));
const us = (id: string, label: string, widthIn: number, heightIn: number) =>
  sheet(id, `${label} (${widthIn} × ${heightIn} in)`, inchesToPoints(widthIn), inchesToPoints(heightIn));
const receipt = (widthMm: number): Paper => ({
  id: `receipt-${widthMm}`,
  label: `${widthMm} mm thermal receipt`,
  widthPt: mmToPoints(widthMm),
  heightPt: null,
});

export const papers: readonly Paper[] = [
  iso('A3', 297, 420),
  iso('A4', 210, 297),
  iso('A5', 148, 210),
  iso('A6', 105, 148),
  iso('B4', 250, 353),
  iso('B5', 176, 250),
  us('letter', 'Letter', 8.5, 11),
  us('legal', 'Legal', 8.5, 14),
  us('tabloid', 'Tabloid', 11, 17),
  us('executive', 'Executive', 7.25, 10.5),
  receipt(58),
  receipt(80),
];

/** The contract's names for the thermal rolls (API.md), beside the ids the settings store. */
const aliases: Record<string, string> = { '58mm': 'receipt-58', '80mm': 'receipt-80' };

const byId = new Map(papers.map((paper) => [paper.id.toLowerCase(), paper]));
for (const [alias, id] of Object.entries(aliases)) byId.set(alias, byId.get(id)!);

export const defaultPaper = byId.get('a4')!;

/** Bounds of a custom size: below 40 mm nothing legible fits; above 1 m no printer feeds it. */
export const customBoundsMm = { min: 40, max: 1000 } as const;

export function customPaper(widthMm: number, heightMm: number): Paper | null {
  const inBounds = (mm: number) => Number.isFinite(mm) && mm >= customBoundsMm.min && mm <= customBoundsMm.max;
  if (!inBounds(widthMm) || !inBounds(heightMm)) return null;
  return sheet(`custom:${widthMm}x${heightMm}`, `Custom (${widthMm} × ${heightMm} mm)`, mmToPoints(widthMm), mmToPoints(heightMm));
}

const customPattern = /^custom:(\d{1,4}(?:\.\d{1,2})?)x(\d{1,4}(?:\.\d{1,2})?)$/;

/** A named size ("A4", "letter", "80mm", "receipt-80") or `custom:<width>x<height>` in millimetres; null if neither. */
export function parsePaper(text: string): Paper | null {
  const key = text.trim().toLowerCase();
  const named = byId.get(key);
  if (named) return named;
  const custom = customPattern.exec(key);
  return custom ? customPaper(Number(custom[1]), Number(custom[2])) : null;
}

const bounds = `${customBoundsMm.min}–${customBoundsMm.max}`;

export const paperSyntax =
  `one of ${papers.map((p) => p.id).join(', ')}, ${Object.keys(aliases).join(', ')}, ` +
  `or custom with width_mm and height_mm (${bounds} mm each), also written custom:<width>x<height>, e.g. custom:100x150`;

const millimetres = z
  .string()
  .trim()
  .regex(/^\d{1,4}(\.\d{1,2})?$/, `must be a size in millimetres with at most 2 decimals, ${bounds}`)
  .transform(Number)
  .refine((mm) => mm >= customBoundsMm.min && mm <= customBoundsMm.max, `must be between ${customBoundsMm.min} and ${customBoundsMm.max} mm`);

/**
 * The query parameters that pick a PDF's paper: `paper` (absent means the settings' default) and,
 * for `paper=custom`, the page's `width_mm` and `height_mm`. Read them with `paperFromQuery`.
 */
export const paperQueryFields = {
  paper: z.string().max(40, `must be ${paperSyntax}`).optional().describe(`the paper size: ${paperSyntax}`),
  width_mm: millimetres.optional().describe(`with paper=custom: the page's width in mm (${bounds})`),
  height_mm: millimetres.optional().describe(`with paper=custom: the page's height in mm (${bounds})`),
};

type PaperQuery = { paper?: string | undefined; width_mm?: number | undefined; height_mm?: number | undefined };

/** The paper a query asks for, with a field error for each parameter that does not fit. */
export function paperFromQuery<T extends PaperQuery>(query: T, ctx: z.RefinementCtx): Omit<T, keyof PaperQuery> & { paper: Paper | undefined } {
  const { paper: text, width_mm: width, height_mm: height, ...rest } = query;
  const issue = (path: keyof PaperQuery, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const custom = text?.trim().toLowerCase() === 'custom';
  for (const [field, value] of [
    ['width_mm', width],
    ['height_mm', height],
  ] as const) {
    if (custom && value === undefined) issue(field, 'is required with paper=custom');
    if (!custom && value !== undefined) issue(field, 'is only taken with paper=custom');
  }
  if (custom) return width === undefined || height === undefined ? z.NEVER : { ...rest, paper: customPaper(width, height)! };
  if (width !== undefined || height !== undefined) return z.NEVER;
  if (text === undefined) return { ...rest, paper: undefined };
  const paper = parsePaper(text);
  if (!paper) {
    issue('paper', `must be ${paperSyntax}`);
    return z.NEVER;
  }
  return { ...rest, paper };
}

/** A PDF route's query when paper is all it takes. */
/**
 * The paper the settings ask for. The setting is free text saved before this list existed, so
 * anything unrecognised prints on A4 rather than failing every download.
 */
export function paperFromSettings(settings: Pick<BillingSettings, 'paper_size' | 'custom_paper_mm'>): Paper {
  const custom = settings.custom_paper_mm;
  if (settings.paper_size.trim().toLowerCase() === 'custom' && custom) {
    return customPaper(custom.width, custom.height) ?? defaultPaper;
  }
  return parsePaper(settings.paper_size) ?? defaultPaper;
}
