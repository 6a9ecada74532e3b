import { addNoteInput, deleteNoteInput, editNoteInput, noteSubject } from '../../schemas/notes';
import { addNote, deleteNote, editNote, listNotes } from '../../services/notes/manage-notes';
import { consoleProcedure, router } from '../trpc';

// Which permission a note needs depends on what it hangs on; the services check it.
export const notesRouter = router({
  list: consoleProcedure.input(noteSubject).query(({ ctx, input }) => listNotes(ctx.service, input)),
  add: consoleProcedure.input(addNoteInput).mutation(({ ctx, input }) => addNote(ctx.service, input)),
  edit: consoleProcedure.input(editNoteInput).mutation(({ ctx, input }) => editNote(ctx.service, input)),
  delete: consoleProcedure.input(deleteNoteInput).mutation(({ ctx, input }) => deleteNote(ctx.service, input)),
});
