import { putEmailTemplateRoute } from '@/server/rest/routes/admin-settings';

export const PUT = putEmailTemplateRoute.handler;
