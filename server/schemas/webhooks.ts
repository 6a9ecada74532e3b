import { z } from 'zod';
import { webhookEventTypes } from '@/server/webhooks/events';
import { id, listInput, optionalText } from './common';

const eventName = z.enum(['*', ...webhookEventTypes], { error: `must be one of ${webhookEventTypes.join(', ')}, or *` });

const events = z
  .array(eventName, { error: 'must be a list of event types' })
  .min(1, 'must name at least one event type, or *')
  .transform((names) => (names.includes('*') ? ['*'] : [...new Set(names)]));

const url = z.string({ error: 'is required' }).trim().min(1, 'is required').max(2000, 'must be at most 2000 characters');

export const createWebhookEndpointInput = z.strictObject({
  url: url.describe('https: — or http: to a private or loopback address with CASHDESK_WEBHOOKS_ALLOW_PRIVATE=1'),
  events: events.describe('the event types to deliver, or ["*"] for all'),
  description: optionalText(200),
});

export const updateWebhookEndpointInput = z.strictObject({
  url: url.optional(),
  events: events.optional(),
  description: optionalText(200),
  active: z
    .boolean({ error: 'must be true or false' })
    .optional()
    .describe('false pauses deliveries; true resumes them (and re-enables an endpoint disabled for failing)'),
});

export const webhookEndpointIdInput = z.strictObject({ id });
export const webhookDeliveryIdInput = z.strictObject({ id, delivery_id: id });

export const listWebhookDeliveriesInput = listInput.extend({
  status: z.enum(['pending', 'succeeded', 'failed'], { error: 'must be pending, succeeded or failed' }).optional(),
});

export const webhookEndpointOutput = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  description: z.string().nullable(),
  active: z.boolean(),
  disabled_at: z.string().nullable().describe('when Cashdesk disabled it after 3 days of failed attempts'),
  failing_since: z.string().nullable(),
  created_at: z.string(),
});

export const webhookEndpointWithSecretOutput = webhookEndpointOutput.extend({
  secret: z.string().describe('`whsec_` + base64: shown only in this answer'),
});

export const webhookDeliveryOutput = z.object({
  id: z.string().describe('the `webhook-id` header of every attempt'),
  event_type: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  attempts: z.number().int(),
  last_status_code: z.number().int().nullable(),
  next_attempt_at: z.string().nullable(),
  created_at: z.string(),
});
