import { debitNoteRoute } from '@/server/rest/routes/orders';

export const POST = debitNoteRoute.handler;
