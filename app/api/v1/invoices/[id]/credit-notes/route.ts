import { creditNoteRoute } from '@/server/rest/routes/credit-notes';

export const POST = creditNoteRoute.handler;
