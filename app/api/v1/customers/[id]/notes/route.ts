import { addCustomerNoteRoute, listCustomerNotesRoute } from '@/server/rest/routes/notes';

export const GET = listCustomerNotesRoute.handler;
export const POST = addCustomerNoteRoute.handler;
