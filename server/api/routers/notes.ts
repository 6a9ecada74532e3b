import { addNoteInput, deleteNoteInput, editNoteInput, noteSubject } from '../../schemas/notes';
import { addNote, deleteNote, editNote, listNotes } from '../../services/notes/manage-notes';
import { bookProcedure, router } from '../trpc';

// Which permission a note needs depends on what it hangs on; the services check it. A reseller
// reads and writes only its own notes on its book (manage-notes.ts); clients have none.
export const notesRouter = router({
  list: bookProcedure.input(noteSubject).query(({ ctx, input }) => listNotes(ctx.service, input)),
  add: bookProcedure.input(addNoteInput).mutation(({ ctx, input }) => addNote(ctx.service, input)),
  edit: bookProcedure.input(editNoteInput).mutation(({ ctx, input }) => editNote(ctx.service, input)),
  delete: bookProcedure.input(deleteNoteInput).mutation(({ ctx, input }) => deleteNote(ctx.service, input)),
});
