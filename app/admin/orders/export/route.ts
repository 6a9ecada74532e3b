import { sessionCsvExport } from '@/server/http/session-route';
import { listOrdersInput } from '@/server/schemas/orders';
import { exportOrders } from '@/server/services/export-orders';

export const GET = sessionCsvExport(listOrdersInput, exportOrders, 'orders.csv');
