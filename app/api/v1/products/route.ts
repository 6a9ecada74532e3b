import { createProductRoute, listProductsRoute } from '@/server/rest/routes/catalog';

export const POST = createProductRoute.handler;
export const GET = listProductsRoute.handler;
