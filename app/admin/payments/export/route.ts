import { sessionCsvExport } from '@/server/http/session-route';
import { camelized } from '@/server/schemas/common';
import { listPaymentsInput } from '@/server/schemas/money-lists';
import { exportPayments } from '@/server/services/payments/export';

export const GET = sessionCsvExport(camelized(listPaymentsInput), exportPayments, 'payments.csv');
