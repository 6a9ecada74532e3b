import { camelized } from '../../schemas/common';
import { correctionInput, invoiceIdInput, invoiceOutput, previewed } from '../../schemas/invoices';
import { correctInvoice } from '../../services/invoices/correct';
import { defineRoute } from '../handler';
import { invoiceJson } from './invoices';

const correctionRoute = (kind: 'credit_note' | 'debit_note', path: string, summary: string) =>
  defineRoute(
    {
      method: 'POST',
      path,
      summary,
      tag: 'Invoices',
      permission: 'invoices.edit',
      params: invoiceIdInput,
      body: camelized(correctionInput),
      response: previewed(invoiceOutput),
      status: 201,
    },
    async ({ ctx, params, body, origin }) => ({
      ...invoiceJson(await correctInvoice(ctx, { invoiceId: params.id, kind, items: body.items, reason: body.reason, preview: body.preview }), origin),
      ...(body.preview ? { preview: true as const } : {}),
    }),
  );

export const creditNoteRoute = correctionRoute(
  'credit_note',
  '/invoices/{id}/credit-notes',
  'Issue a credit note; it settles what is open and credits the rest. `preview: true` answers with the note it would issue (200) and writes nothing',
);

export const debitNoteRoute = correctionRoute(
  'debit_note',
  '/invoices/{id}/debit-notes',
  'Issue a debit note, a new document to pay; `preview: true` answers with the note it would issue (200) and writes nothing',
);
