import { sessionCsvExport } from '@/server/http/session-route';
import { camelized } from '@/server/schemas/common';
import { listServicesInput } from '@/server/schemas/money-lists';
import { exportServices } from '@/server/services/orders/export-services';

export const GET = sessionCsvExport(camelized(listServicesInput), exportServices, 'services.csv');
