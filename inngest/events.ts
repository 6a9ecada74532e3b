import { eventType } from 'inngest';
import { z } from 'zod';

// Every event Cashdesk sends, typed once; functions trigger on these and senders build them
// with `.create(data)`. Later issues add order, invoice, payment and dunning events here.
export const systemPing = eventType('system/ping', { schema: z.object({ at: z.string() }) });
