import { sessionCsvExport } from '@/server/http/session-route';
import { camelized } from '@/server/schemas/common';
import { listOrdersInput } from '@/server/schemas/orders';
import { exportOrders } from '@/server/services/orders/export';

export const GET = sessionCsvExport(camelized(listOrdersInput), exportOrders, 'orders.csv');
