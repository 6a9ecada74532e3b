import { z } from 'zod';
import { id } from '../../schemas/common';
import { communicationRulesInput, communicationSettingsInput, emailTemplateInput, emailTemplateLocaleInput } from '../../schemas/communication';
import { getOutboxMessage, listOutbox } from '../../services/notifications/outbox';
import { channelStatus, getCommunication, listTemplates, previewTemplate, saveTemplate, updateCommunication } from '../../services/settings/communication';
import { getCommunicationRules, updateCommunicationRules } from '../../services/settings/communication-rules';
import { adminProcedure, permissionProcedure, router } from '../trpc';

export const notifyRouter = router({
  channels: permissionProcedure('invoices.view').query(({ ctx }) => channelStatus(ctx.service)),
  communication: adminProcedure.query(({ ctx }) => getCommunication(ctx.service)),
  updateCommunication: adminProcedure.input(communicationSettingsInput).mutation(({ ctx, input }) => updateCommunication(ctx.service, input)),
  communicationRules: adminProcedure.query(({ ctx }) => getCommunicationRules(ctx.service)),
  updateCommunicationRules: adminProcedure.input(communicationRulesInput).mutation(({ ctx, input }) => updateCommunicationRules(ctx.service, input)),
  templates: adminProcedure.input(emailTemplateLocaleInput.optional()).query(({ ctx, input }) => listTemplates(ctx.service, input)),
  saveTemplate: adminProcedure.input(emailTemplateInput).mutation(({ ctx, input }) => saveTemplate(ctx.service, input)),
  preview: adminProcedure.input(emailTemplateInput).query(({ ctx, input }) => previewTemplate(ctx.service, input)),
  outbox: adminProcedure.input(z.object({ limit: z.number().int().min(1).max(200).default(100) })).query(({ ctx, input }) => listOutbox(ctx.service, input)),
  outboxMessage: adminProcedure.input(z.object({ id })).query(({ ctx, input }) => getOutboxMessage(ctx.service, input)),
});
