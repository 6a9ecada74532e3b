import { getProductRoute, replaceProductRoute } from '@/server/rest/routes/catalog';

export const GET = getProductRoute.handler;
export const PUT = replaceProductRoute.handler;
