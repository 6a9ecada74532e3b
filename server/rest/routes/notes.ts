import { z } from 'zod';
import { customerIdInput } from '../../schemas/customers';
import { noteBodyInput, noteIdInput, noteOutput, notesOutput, type NoteSubject } from '../../schemas/notes';
import { orderIdInput } from '../../schemas/orders';
import { addNote, deleteNote, editNote, listNotes, type NoteView } from '../../services/notes/manage-notes';
import { defineRoute } from '../handler';

function noteJson(note: NoteView): z.input<typeof noteOutput> {
  return {
    id: note.id,
    scope: note.scope,
    body: note.body,
    author: note.author,
    created_at: note.createdAt.toISOString(),
    updated_at: note.updatedAt.toISOString(),
  };
}

// Notes hang on a customer or an order; both pairs of routes are the same use cases on another subject.
const subjects = {
  customer: { path: '/customers/{id}/notes', tag: 'Customers', params: customerIdInput, what: 'customer' },
  order: { path: '/orders/{id}/notes', tag: 'Orders', params: orderIdInput, what: 'order' },
} as const;

const listRoute = (scope: NoteSubject['scope']) =>
  defineRoute(
    {
      method: 'GET',
      path: subjects[scope].path,
      summary:
        scope === 'order'
          ? 'The order’s internal notes, newest first, with its customer’s notes beside them (`customer_notes`); a reseller key sees only the notes it wrote'
          : 'The customer’s internal notes, newest first; a reseller key sees only the notes it wrote',
      tag: subjects[scope].tag,
      permission: scope === 'order' ? 'orders.view' : 'customers.view',
      params: subjects[scope].params,
      response: notesOutput,
    },
    async ({ ctx, params }) => {
      const found = await listNotes(ctx, { scope, id: params.id });
      return { data: found.own.map(noteJson), customer_notes: found.customer.map(noteJson) };
    },
  );

const addRoute = (scope: NoteSubject['scope']) =>
  defineRoute(
    {
      method: 'POST',
      path: subjects[scope].path,
      summary: `Add an internal note to the ${subjects[scope].what} (never shown to the customer)`,
      tag: subjects[scope].tag,
      permission: scope === 'order' ? 'orders.edit' : 'customers.edit',
      params: subjects[scope].params,
      body: noteBodyInput,
      response: noteOutput,
      status: 201,
    },
    async ({ ctx, params, body }) => noteJson(await addNote(ctx, { scope, id: params.id, body: body.body })),
  );

export const listCustomerNotesRoute = listRoute('customer');
export const addCustomerNoteRoute = addRoute('customer');
export const listOrderNotesRoute = listRoute('order');
export const addOrderNoteRoute = addRoute('order');

export const editNoteRoute = defineRoute(
  {
    method: 'PATCH',
    path: '/notes/{id}',
    summary: 'Rewrite a note (customers.edit or orders.edit, as its subject needs; a reseller key only its own notes)',
    tag: 'Notes',
    params: noteIdInput,
    body: noteBodyInput,
    response: noteOutput,
  },
  async ({ ctx, params, body }) => noteJson(await editNote(ctx, { noteId: params.id, body: body.body })),
);

export const deleteNoteRoute = defineRoute(
  {
    method: 'DELETE',
    path: '/notes/{id}',
    summary: 'Delete a note (204, no body; the audit log keeps its text)',
    tag: 'Notes',
    params: noteIdInput,
    response: z.null(),
    status: 204,
    raw: true,
  },
  async ({ ctx, params }) => {
    await deleteNote(ctx, { noteId: params.id });
    return new Response(null, { status: 204 });
  },
);
