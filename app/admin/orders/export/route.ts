import { sessionCsvExport } from '@/server/http/session-route';
import { listOrdersInput } from '@/server/schemas/orders';
import { exportOrders } from '@/server/services/orders/export';

export const GET = sessionCsvExport(listOrdersInput, exportOrders, 'orders.csv');
