import { regenerateTokenRoute } from '@/server/rest/routes/invoices';

export const POST = regenerateTokenRoute.handler;
