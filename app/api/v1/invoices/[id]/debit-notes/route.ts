import { debitNoteRoute } from '@/server/rest/routes/credit-notes';

export const POST = debitNoteRoute.handler;
