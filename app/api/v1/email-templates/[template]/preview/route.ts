import { previewEmailTemplateRoute } from '@/server/rest/routes/admin-settings';

export const POST = previewEmailTemplateRoute.handler;
