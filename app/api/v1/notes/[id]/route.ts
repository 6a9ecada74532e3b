import { deleteNoteRoute, editNoteRoute } from '@/server/rest/routes/notes';

export const PATCH = editNoteRoute.handler;
export const DELETE = deleteNoteRoute.handler;
