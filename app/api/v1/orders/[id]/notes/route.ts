import { addOrderNoteRoute, listOrderNotesRoute } from '@/server/rest/routes/notes';

export const GET = listOrderNotesRoute.handler;
export const POST = addOrderNoteRoute.handler;
