import { billingRunRoute } from '@/server/rest/routes/billing-runs';

export const POST = billingRunRoute.handler;
