import { getBillingSettingsRoute, patchBillingSettingsRoute } from '@/server/rest/routes/settings';

export const GET = getBillingSettingsRoute.handler;
export const PATCH = patchBillingSettingsRoute.handler;
