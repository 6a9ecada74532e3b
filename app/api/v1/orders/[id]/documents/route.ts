import { createOrderDocumentRoute } from '@/server/rest/routes/order-documents';

export const POST = createOrderDocumentRoute.handler;
