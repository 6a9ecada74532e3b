import { listAuditRoute } from '@/server/rest/routes/people';

export const GET = listAuditRoute.handler;
