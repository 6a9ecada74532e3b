import { getWalletRoute } from '@/server/rest/routes/wallet';

export const GET = getWalletRoute.handler;
