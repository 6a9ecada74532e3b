import { z } from 'zod';
import { AppError } from '../../errors';
import { camelized, isUuid } from '../../schemas/common';
import {
  createWebhookEndpointInput,
  listWebhookDeliveriesInput,
  updateWebhookEndpointInput,
  webhookDeliveryIdInput,
  webhookDeliveryOutput,
  webhookEndpointIdInput,
  webhookEndpointOutput,
  webhookEndpointWithSecretOutput,
} from '../../schemas/webhooks';
import type { ServiceContext } from '../../services/context';
import { getInvoice } from '../../services/invoices/get';
import { getOrder } from '../../services/orders/get';
import { getServiceEntry } from '../../services/orders/list-services';
import { getPaymentEntry } from '../../services/payments/list';
import type { Describe } from '../../services/webhooks/deliver';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  retryWebhookDelivery,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '../../services/webhooks/endpoints';
import { defineRoute } from '../handler';
import { listOf } from '../lists';
import { paymentEntryJson, serviceEntryJson } from './book-lists';
import { invoiceJson } from './invoices';
import { orderJson } from './orders';

const tag = 'Webhooks out';

export const webhookEndpointJson = (endpoint: WebhookEndpoint): z.input<typeof webhookEndpointOutput> => ({
  id: endpoint.id,
  url: endpoint.url,
  events: endpoint.events,
  description: endpoint.description,
  active: endpoint.active,
  disabled_at: endpoint.disabledAt?.toISOString() ?? null,
  failing_since: endpoint.failingSince?.toISOString() ?? null,
  created_at: endpoint.createdAt.toISOString(),
});

export const webhookDeliveryJson = (delivery: WebhookDelivery): z.input<typeof webhookDeliveryOutput> => ({
  id: delivery.id,
  event_type: delivery.eventType,
  status: delivery.status,
  attempts: delivery.attempts,
  last_status_code: delivery.lastStatusCode,
  next_attempt_at: delivery.status === 'pending' ? (delivery.nextAttemptAt?.toISOString() ?? null) : null,
  created_at: delivery.createdAt.toISOString(),
});

/**
 * A webhook's `data`: its subject exactly as this API's GET returns it, read as the system. A
 * subject deleted before the first attempt is described by its id alone.
 */
export function webhookData(ctx: ServiceContext, origin: string): Describe {
  const read = async <T>(load: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await load();
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return undefined;
      throw error;
    }
  };
  return async ({ type, id }) => {
    if (!isUuid(id)) return undefined;
    switch (type) {
      case 'invoice':
        return read(async () => invoiceJson(await getInvoice(ctx, { id }), origin));
      case 'order':
        return read(async () => orderJson(await getOrder(ctx, { id })));
      case 'payment':
      case 'refund': {
        const entry = await getPaymentEntry(ctx, type, id);
        return entry && paymentEntryJson(entry);
      }
      case 'service': {
        const entry = await getServiceEntry(ctx, id);
        return entry && serviceEntryJson(entry);
      }
      default:
        return undefined;
    }
  };
}

export const createWebhookEndpointRoute = defineRoute(
  {
    method: 'POST',
    path: '/webhook-endpoints',
    summary: 'Register a receiver of webhooks out; the answer carries its signing secret, shown only here',
    tag,
    permission: 'settings.manage',
    body: camelized(createWebhookEndpointInput),
    response: webhookEndpointWithSecretOutput,
    status: 201,
  },
  async ({ ctx, body }) => {
    const endpoint = await createWebhookEndpoint(ctx, body);
    return { ...webhookEndpointJson(endpoint), secret: endpoint.secret };
  },
);

export const listWebhookEndpointsRoute = defineRoute(
  {
    method: 'GET',
    path: '/webhook-endpoints',
    summary: 'Every webhook endpoint, newest first (never their secrets)',
    tag,
    permission: 'settings.manage',
    response: z.object({ data: z.array(webhookEndpointOutput) }),
  },
  async ({ ctx }) => ({ data: (await listWebhookEndpoints(ctx)).map(webhookEndpointJson) }),
);

export const getWebhookEndpointRoute = defineRoute(
  {
    method: 'GET',
    path: '/webhook-endpoints/{id}',
    summary: 'One webhook endpoint',
    tag,
    permission: 'settings.manage',
    params: webhookEndpointIdInput,
    response: webhookEndpointOutput,
  },
  async ({ ctx, params }) => webhookEndpointJson(await getWebhookEndpoint(ctx, params.id)),
);

export const updateWebhookEndpointRoute = defineRoute(
  {
    method: 'PATCH',
    path: '/webhook-endpoints/{id}',
    summary: 'Change the URL, events, description or `active` (true re-enables an endpoint disabled after 3 days of failures)',
    tag,
    permission: 'settings.manage',
    params: webhookEndpointIdInput,
    body: camelized(updateWebhookEndpointInput),
    response: webhookEndpointOutput,
  },
  async ({ ctx, params, body }) => webhookEndpointJson(await updateWebhookEndpoint(ctx, params.id, body)),
);

export const deleteWebhookEndpointRoute = defineRoute(
  {
    method: 'DELETE',
    path: '/webhook-endpoints/{id}',
    summary: 'Remove an endpoint and its deliveries still pending (204, no body)',
    tag,
    permission: 'settings.manage',
    params: webhookEndpointIdInput,
    response: z.null(),
    status: 204,
    raw: true,
  },
  async ({ ctx, params }) => {
    await deleteWebhookEndpoint(ctx, params.id);
    return new Response(null, { status: 204 });
  },
);

export const rotateWebhookSecretRoute = defineRoute(
  {
    method: 'POST',
    path: '/webhook-endpoints/{id}/rotate-secret',
    summary: 'A new signing secret, shown only here; the old one keeps signing beside it for 24 hours',
    tag,
    permission: 'settings.manage',
    params: webhookEndpointIdInput,
    response: webhookEndpointWithSecretOutput,
  },
  async ({ ctx, params }) => {
    const endpoint = await rotateWebhookSecret(ctx, params.id);
    return { ...webhookEndpointJson(endpoint), secret: endpoint.secret };
  },
);

export const sendTestWebhookRoute = defineRoute(
  {
    method: 'POST',
    path: '/webhook-endpoints/{id}/test',
    summary: 'Send a `webhook.test` event to this endpoint now',
    tag,
    permission: 'settings.manage',
    params: webhookEndpointIdInput,
    response: webhookDeliveryOutput,
    status: 201,
  },
  async ({ ctx, params }) => webhookDeliveryJson(await sendTestWebhook(ctx, params.id)),
);

export const listWebhookDeliveriesRoute = defineRoute(
  {
    method: 'GET',
    path: '/webhook-endpoints/{id}/deliveries',
    summary: 'The endpoint’s deliveries, newest first',
    tag,
    permission: 'settings.manage',
    params: webhookEndpointIdInput,
    query: camelized(listWebhookDeliveriesInput),
    response: listOf(webhookDeliveryOutput),
  },
  async ({ ctx, params, query }) => {
    const page = await listWebhookDeliveries(ctx, params.id, query);
    return { data: page.items.map(webhookDeliveryJson), next_cursor: page.nextCursor };
  },
);

export const retryWebhookDeliveryRoute = defineRoute(
  {
    method: 'POST',
    path: '/webhook-endpoints/{id}/deliveries/{delivery_id}/retry',
    summary: 'Send a delivery again now, with the same webhook-id (409 invalid_state when it already succeeded)',
    tag,
    permission: 'settings.manage',
    params: webhookDeliveryIdInput,
    response: webhookDeliveryOutput,
  },
  async ({ ctx, params }) => webhookDeliveryJson(await retryWebhookDelivery(ctx, params.id, params.delivery_id)),
);
