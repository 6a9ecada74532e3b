import { z } from 'zod';
import { id, requiredText } from './common';

/** A note hangs on an order (shown only there) or on a customer (shown on all their orders too). */
export const noteSubject = z.strictObject({ scope: z.enum(['order', 'customer']), id });
export type NoteSubject = z.infer<typeof noteSubject>;

export const noteIdInput = z.object({ id });
export const noteBodyInput = z.strictObject({ body: requiredText(5000) });
export const addNoteInput = noteSubject.extend(noteBodyInput.shape);
export const editNoteInput = z.strictObject({ noteId: id, body: requiredText(5000) });
export const deleteNoteInput = z.strictObject({ noteId: id });

export const noteOutput = z.object({
  id: z.string(),
  scope: z.enum(['order', 'customer']),
  body: z.string(),
  author: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
/** An order's notes with its customer's beside them (read-only there); a customer's own in `data`. */
export const notesOutput = z.object({ data: z.array(noteOutput), customer_notes: z.array(noteOutput) });
