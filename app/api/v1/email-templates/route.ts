import { listEmailTemplatesRoute } from '@/server/rest/routes/admin-settings';

export const GET = listEmailTemplatesRoute.handler;
