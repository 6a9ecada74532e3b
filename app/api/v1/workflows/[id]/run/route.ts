import { runWorkflowRoute } from '@/server/rest/routes/admin-settings';

export const POST = runWorkflowRoute.handler;
