import { bulkMarkPaidRoute } from '@/server/rest/routes/invoices';

export const POST = bulkMarkPaidRoute.handler;
