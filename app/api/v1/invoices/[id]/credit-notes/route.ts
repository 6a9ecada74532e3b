import { creditNoteRoute } from '@/server/rest/routes/orders';

export const POST = creditNoteRoute.handler;
