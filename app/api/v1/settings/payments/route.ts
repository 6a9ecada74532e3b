import { getPaymentSettingsRoute, putPaymentSettingsRoute } from '@/server/rest/routes/admin-settings';

export const GET = getPaymentSettingsRoute.handler;
export const PUT = putPaymentSettingsRoute.handler;
