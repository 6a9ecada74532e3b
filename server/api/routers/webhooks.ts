import { camelized, id } from '../../schemas/common';
import {
  createWebhookEndpointInput,
  listWebhookDeliveriesInput,
  updateWebhookEndpointInput,
  webhookDeliveryIdInput,
  webhookEndpointIdInput,
} from '../../schemas/webhooks';
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
} from '../../services/webhooks/endpoints';
import { adminProcedure, router } from '../trpc';

const manage = adminProcedure;

/** Settings → Webhooks: endpoints and their deliveries (docs/webhooks.md); admin only. */
export const webhooksRouter = router({
  endpoints: manage.query(({ ctx }) => listWebhookEndpoints(ctx.service)),
  endpoint: manage.input(webhookEndpointIdInput).query(({ ctx, input }) => getWebhookEndpoint(ctx.service, input.id)),
  create: manage.input(camelized(createWebhookEndpointInput)).mutation(({ ctx, input }) => createWebhookEndpoint(ctx.service, input)),
  update: manage
    .input(camelized(updateWebhookEndpointInput.extend({ id })))
    .mutation(({ ctx, input: { id: endpointId, ...changes } }) => updateWebhookEndpoint(ctx.service, endpointId, changes)),
  remove: manage.input(webhookEndpointIdInput).mutation(({ ctx, input }) => deleteWebhookEndpoint(ctx.service, input.id)),
  rotateSecret: manage.input(webhookEndpointIdInput).mutation(({ ctx, input }) => rotateWebhookSecret(ctx.service, input.id)),
  sendTest: manage.input(webhookEndpointIdInput).mutation(({ ctx, input }) => sendTestWebhook(ctx.service, input.id)),
  deliveries: manage
    .input(camelized(listWebhookDeliveriesInput.extend({ id })))
    .query(({ ctx, input: { id: endpointId, ...filters } }) => listWebhookDeliveries(ctx.service, endpointId, filters)),
  retry: manage.input(webhookDeliveryIdInput).mutation(({ ctx, input }) => retryWebhookDelivery(ctx.service, input.id, input.delivery_id)),
});
