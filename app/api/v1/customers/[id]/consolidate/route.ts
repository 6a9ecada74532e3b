import { consolidateRoute } from '@/server/rest/routes/consolidation';

export const POST = consolidateRoute.handler;
