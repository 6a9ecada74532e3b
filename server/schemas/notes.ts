import { z } from 'zod';
import { id, requiredText } from './common';

/** A note hangs on an order (shown only there) or on a customer (shown on all their orders too). */
export const noteSubject = z.strictObject({ scope: z.enum(['order', 'customer']), id });
export type NoteSubject = z.infer<typeof noteSubject>;

export const addNoteInput = noteSubject.extend({ body: requiredText(5000) });
export const editNoteInput = z.strictObject({ noteId: id, body: requiredText(5000) });
export const deleteNoteInput = z.strictObject({ noteId: id });
