import { zipSync } from 'fflate';
import { requirePermission } from '../auth/actor';
import { AppError } from '../errors';
import type { ServiceContext } from '../services/context';
import type { Bytes } from './byte-cache';
import { invoicePdf } from './invoice-pdf';

/** A name not yet in the zip: two drafts (no number) would otherwise overwrite each other. */
function freeName(taken: Record<string, unknown>, filename: string): string {
  const dot = filename.lastIndexOf('.');
  let name = filename;
  for (let n = 2; name in taken; n++) name = `${filename.slice(0, dot)} (${n})${filename.slice(dot)}`;
  return name;
}

/**
 * The chosen invoices' PDFs in one zip (the list's "Download PDFs"), each on the settings'
 * paper. Each is read as its own PDF is (`invoices.view`, within scope): one the person may not
 * see is left out, as a made-up id would be; when none is left, not found.
 */
export async function invoicePdfZip(ctx: ServiceContext, input: { ids: readonly string[]; origin: string }): Promise<{ bytes: Bytes; filename: string }> {
  requirePermission(ctx.actor, 'invoices.view');
  const files: Record<string, Uint8Array> = {};
  for (const id of new Set(input.ids)) {
    try {
      const pdf = await invoicePdf(ctx, { id, origin: input.origin });
      files[freeName(files, pdf.filename)] = pdf.bytes;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    }
  }
  if (Object.keys(files).length === 0) throw new AppError('not_found', 'None of these invoices was found');
  // PDFs are compressed already: stored as they are, the zip costs no CPU to speak of.
  return { bytes: new Uint8Array(zipSync(files, { level: 0 })), filename: 'invoices.zip' };
}
