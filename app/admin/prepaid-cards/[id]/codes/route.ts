import { z } from 'zod';
import { parseOrThrow } from '@/server/errors';
import { sessionRoute } from '@/server/http/session-route';
import { csvResponse } from '@/server/rest/csv';
import { voucherBatchIdInput } from '@/server/schemas/vouchers';
import { exportVoucherBatch } from '@/server/services/vouchers/read';

/** The batch's codes as CSV for the console's Download CSV (vouchers.manage; audited by the service). */
export const GET = sessionRoute(z.object({}), async (ctx, _query, { params }) => {
  const { rows, filename } = await exportVoucherBatch(ctx, parseOrThrow(voucherBatchIdInput, { id: params.id }));
  return csvResponse(rows, filename);
});
