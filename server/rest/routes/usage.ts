import type { z } from 'zod';
import { camelized } from '../../schemas/common';
import { listUsageInput, usageBatchInput, usageBatchOutput, usageRecordInput, usageRecordOutput } from '../../schemas/usage';
import { listUsage } from '../../services/usage/list';
import { reportUsage } from '../../services/usage/report';
import type { UsageRecordView } from '../../services/usage/view';
import { defineRoute } from '../handler';
import { listOf } from '../lists';

const usageJson = (record: UsageRecordView): z.input<typeof usageRecordOutput> => ({
  id: record.id,
  service_id: record.serviceId,
  customer_id: record.customerId,
  quantity: record.quantity,
  occurred_at: record.occurredAt.toISOString(),
  created_at: record.createdAt.toISOString(),
  invoice_id: record.invoiceId,
});

// A repeated id answers the first record with 201 too: a retried report must look like the
// first one did, or the reporter would treat its own retry as a failure.
export const reportUsageRoute = defineRoute(
  {
    method: 'POST',
    path: '/usage',
    summary:
      'Report usage of a usage service (quantity > 0, at most 6 decimals; `occurred_at` defaults to now). `id` is your id for the record: the same id twice for a customer answers the first record and counts nothing',
    tag: 'Usage',
    permission: 'usage.report',
    body: camelized(usageRecordInput),
    response: usageRecordOutput,
    status: 201,
  },
  async ({ ctx, body }) => {
    const { records } = await reportUsage(ctx, [body], (_, field) => field);
    return usageJson(records[0]!);
  },
);

export const reportUsageBatchRoute = defineRoute(
  {
    method: 'POST',
    path: '/usage/batch',
    summary:
      'Report up to 1,000 usage records at once, all or none (a bad record is a 400 naming `records.N.field`). `data` answers each record in order; a repeated id, also within the batch, answers the first record; `inserted` counts the new ones',
    tag: 'Usage',
    permission: 'usage.report',
    body: camelized(usageBatchInput),
    response: usageBatchOutput,
    status: 201,
  },
  async ({ ctx, body }) => {
    const { records, inserted } = await reportUsage(ctx, body.records, (index, field) => `records.${index}.${field}`);
    return { data: records.map(usageJson), inserted };
  },
);

export const listUsageRoute = defineRoute(
  {
    method: 'GET',
    path: '/usage',
    summary: 'Recorded usage, newest first, by service and by the UTC day it occurred (`from`/`to`, inclusive)',
    tag: 'Usage',
    permission: 'orders.view',
    query: camelized(listUsageInput),
    response: listOf(usageRecordOutput),
  },
  async ({ ctx, query }) => {
    const page = await listUsage(ctx, query);
    return { data: page.items.map(usageJson), next_cursor: page.nextCursor };
  },
);
